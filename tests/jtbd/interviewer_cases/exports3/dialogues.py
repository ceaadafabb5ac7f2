"""The conversations behind the exports3 cases, written by hand (helper exports3, 2026-12-04).

`make_cases.py` writes each one in the layout a real export tool writes; the files it made are
the cases. Each dialogue: (speaker, text) turns; gold names the research side, the customer side
and a few customer quotes (exact substrings of one customer turn).
"""

EN_REPTILE = [  # WhatsApp (iOS) chat export
    ("Priya Shah", "Hi Walt, thanks for making time for this. Could you start by telling me how you track the animals in the shop today?"),
    ("Walt Benner", "Sure. Right now it's a whiteboard behind the counter and a paper log for each enclosure."),
    ("Priya Shah", "What goes into the paper log?"),
    ("Walt Benner", "Feeding days, shed dates, temperatures. The geckos get misted twice a day so that's a lot of ticks."),
    ("Walt Benner", "Honestly the log gets wet and half of it is unreadable by Friday."),
    ("Priya Shah", "When did that start to be a real problem?"),
    ("Walt Benner", "In March a ball python refused food for five weeks and nobody noticed because the sheet was missing."),
    ("Priya Shah", "That sounds stressful. What did you try after that?"),
    ("Walt Benner", "My nephew set up a spreadsheet on the tablet but the staff never open it."),
    ("Priya Shah", "Why do you think they skip it?"),
    ("Walt Benner", "It takes six taps to log one feeding and their hands are usually full of crickets."),
    ("Priya Shah", "If it worked perfectly, what would change for you?"),
    ("Walt Benner", "I would see at a glance which animal has not eaten this week, without walking the whole room."),
    ("Priya Shah", "Thank you, this is really helpful."),
]
EN_REPTILE_GOLD = {"interviewers": ["Priya Shah"], "customers": ["Walt Benner"], "quotes": [
    "the log gets wet and half of it is unreadable by Friday",
    "a ball python refused food for five weeks and nobody noticed",
    "It takes six taps to log one feeding",
]}

EN_RUG = [  # Slack channel export (one day's JSON), an observer from the team asks once
    ("Marco Ruiz", "Thanks for jumping on this thread, Denise. To start, how do customers book a rug pickup with you today?"),
    ("Denise Harlow", "Mostly phone calls. Some email photos of the rug first so we can quote."),
    ("Marco Ruiz", "And how do you turn a photo into a quote?"),
    ("Denise Harlow", "I eyeball the size and the fibre. Wool and silk are priced very differently, and I get it wrong maybe one in five times."),
    ("Marco Ruiz", "What happens when the quote is wrong?"),
    ("Denise Harlow", "The customer is upset at delivery because the bill went up, and I usually eat the difference."),
    ("Jo Kim", "Quick one from me: roughly how many rugs a week is that?"),
    ("Denise Harlow", "Around forty in spring, half that in winter."),
    ("Marco Ruiz", "Have you looked at any tools for this?"),
    ("Denise Harlow", "We tried a booking plugin on the website last year but it could not handle the pickup routes."),
    ("Marco Ruiz", "What made you give up on it?"),
    ("Denise Harlow", "The drivers kept getting two pickups on opposite sides of town in the same hour."),
    ("Marco Ruiz", "Got it. Thanks so much, that is all my questions."),
]
EN_RUG_GOLD = {"interviewers": ["Marco Ruiz", "Jo Kim"], "customers": ["Denise Harlow"], "quotes": [
    "I get it wrong maybe one in five times",
    "I usually eat the difference",
    "it could not handle the pickup routes",
]}

EN_BOARDGAME = [  # Discord export (DiscordChatExporter JSON); the customer writes first
    ("Tomasz", "hey, is this the thread for the interview?"),
    ("Ellie", "Yes, thank you for joining! How do you handle table reservations at the café right now?"),
    ("Tomasz", "a google form and a shared calendar. friday and saturday nights are always overbooked"),
    ("Ellie", "What does overbooked look like on a Friday?"),
    ("Tomasz", "two groups show up for the big table and one of them ends up on the floor cushions, not happy"),
    ("Ellie", "How often does that happen?"),
    ("Tomasz", "every second weekend at least. last month a birthday group of ten walked out"),
    ("Ellie", "What would a fix need to do for you?"),
    ("Tomasz", "block the table the moment someone books so nobody else can take it"),
    ("Ellie", "Is price a concern?"),
    ("Tomasz", "we pay nothing now, so anything over twenty a month needs a good reason"),
    ("Ellie", "Thanks Tomasz, that's super useful."),
]
EN_BOARDGAME_GOLD = {"interviewers": ["Ellie"], "customers": ["Tomasz"], "quotes": [
    "friday and saturday nights are always overbooked",
    "a birthday group of ten walked out",
    "block the table the moment someone books",
]}

EN_CINEMA = [  # AssemblyAI utterances, speakers "A" (the customer, first) and "B"
    ("A", "Hello? Can you hear me okay?"),
    ("B", "Yes, loud and clear. Thanks for doing this. Can you tell me what your business does?"),
    ("A", "We rent out inflatable screens and projectors for outdoor movie nights, mostly schools and summer festivals."),
    ("B", "How do you keep track of which kit goes to which event?"),
    ("A", "A printed checklist per van. The problem is the cables. We lose a long HDMI cable almost every weekend."),
    ("B", "What does a lost cable cost you?"),
    ("A", "Not just the cable. Last June a school screening started forty minutes late because the sound lead was missing."),
    ("B", "What have you tried so far?"),
    ("A", "We put barcode stickers on everything, but scanning in a dark field at midnight just does not happen."),
    ("B", "What would good look like?"),
    ("A", "The crew should know before they leave the depot that the van is complete."),
    ("B", "Great, thank you, that is really clear."),
]
EN_CINEMA_GOLD = {"interviewers": ["Speaker B"], "customers": ["Speaker A"], "quotes": [
    "We lose a long HDMI cable almost every weekend",
    "started forty minutes late because the sound lead was missing",
    "scanning in a dark field at midnight just does not happen",
]}

EN_CATTERY = [  # Amazon Transcribe: results.items + speaker_labels.segments, two customers
    ("spk_0", "Thanks to you both for your time. How do owners book a stay at the cattery?"),
    ("spk_1", "They ring us, and I write it in the big diary at reception."),
    ("spk_2", "And I copy the diary into the vaccination folder on Sunday nights."),
    ("spk_0", "Why do you copy it by hand?"),
    ("spk_2", "Because we have to check every cat's vaccination card before it arrives, and the diary has no space for that."),
    ("spk_0", "Has anything gone wrong because of that?"),
    ("spk_1", "At Christmas we accepted a cat whose flu jab had lapsed and we had to turn the family away at the door."),
    ("spk_0", "How did that feel?"),
    ("spk_1", "Awful. They were leaving for the airport and we were fully booked anyway."),
    ("spk_0", "What would you want instead?"),
    ("spk_2", "Owners should upload the card when they book, and the booking should stop if the date has passed."),
    ("spk_0", "Thank you, that covers everything I wanted to ask."),
]
EN_CATTERY_GOLD = {"interviewers": ["spk_0"], "customers": ["spk_1", "spk_2"], "quotes": [
    "I write it in the big diary at reception",
    "the diary has no space for that",
    "the booking should stop if the date has passed",
]}

EN_LAMP = [  # Notion database exported as CSV: the title column holds the line
    ("Iris Cole", "Thanks for talking with me. How do repair jobs come into the workshop?"),
    ("Frank Duval", "People bring lamps to the counter, and I tie a paper tag on each one with their name."),
    ("Iris Cole", "How do you know where a job stands?"),
    ("Frank Duval", "I do not, really. I walk the shelves and read the tags."),
    ("Iris Cole", "When does that hurt the most?"),
    ("Frank Duval", "Before the holidays. Last December three customers came in the same day and one tag had fallen off."),
    ("Iris Cole", "What did you do?"),
    ("Frank Duval", "We spent an hour matching a brass lamp to a receipt while the customer waited."),
    ("Iris Cole", "Have you tried anything to fix it?"),
    ("Frank Duval", "A notebook with job numbers, but I forget to write the number on the tag."),
    ("Iris Cole", "Thanks, Frank, this really helps."),
]
EN_LAMP_GOLD = {"interviewers": ["Iris Cole"], "customers": ["Frank Duval"], "quotes": [
    "I tie a paper tag on each one with their name",
    "one tag had fallen off",
    "I forget to write the number on the tag",
]}

EN_PINBALL = [  # plain text, numbered speakers, the customer speaks first and at length
    ("Person 1", "Okay I think the recording is on. So I run the arcade and I also repair machines for collectors."),
    ("Person 2", "Great, thanks. How do repair requests reach you?"),
    ("Person 1", "Texts, mostly. Someone sends a video of a flipper that sticks and asks when I can come."),
    ("Person 2", "And how do you decide when to go?"),
    ("Person 1", "Whoever texts twice gets the visit. It is not fair but that is how it goes."),
    ("Person 2", "What goes wrong with that?"),
    ("Person 1", "Parts. I drive out, open the machine and the coil I need is back at the shop. That happened four times in October."),
    ("Person 2", "What did those trips cost you?"),
    ("Person 1", "A whole afternoon each, plus the fuel, and the collector still waits a week."),
    ("Person 2", "What would you want to know before you leave?"),
    ("Person 1", "Which machine model it is and which parts usually fail on it, so I can pack the right box."),
    ("Person 2", "Makes sense. Thanks for your time."),
]
EN_PINBALL_GOLD = {"interviewers": ["Person 2"], "customers": ["Person 1"], "quotes": [
    "Whoever texts twice gets the visit",
    "the coil I need is back at the shop",
    "which parts usually fail on it, so I can pack the right box",
]}

EN_DRUM = [  # Rev.ai monologues, speakers as numbers with no names
    ("0", "Thanks for joining. Could you walk me through how lessons get scheduled at the school?"),
    ("1", "Every teacher keeps their own paper calendar, and parents text the teacher directly."),
    ("0", "How does that work when someone cancels?"),
    ("1", "Badly. The slot just sits empty because nobody else knows it is free."),
    ("0", "How many empty slots in a typical week?"),
    ("1", "Six or seven across four teachers. That is real money walking out the door."),
    ("0", "Have you tried a shared calendar?"),
    ("1", "We tried one in the spring. Two teachers refused to use it because parents could see their whole week."),
    ("0", "What would make it work for them?"),
    ("1", "Parents should only see the free slots, not who the other students are."),
    ("0", "Great, thank you so much."),
]
EN_DRUM_GOLD = {"interviewers": ["Speaker 0"], "customers": ["Speaker 1"], "quotes": [
    "Every teacher keeps their own paper calendar",
    "The slot just sits empty because nobody else knows it is free",
    "Parents should only see the free slots",
]}

EN_FORGE = [  # Telegram Desktop result.json; text as a list of pieces when formatted
    ("Nadia Brooks", "Thanks for agreeing to chat here. How do you take custom orders for gates and railings?"),
    ("Owen Pryce", "People message me a photo of the space and rough measurements."),
    ("Nadia Brooks", "How reliable are those measurements?"),
    ("Owen Pryce", "Not at all. Half the time I drive out to measure again, and that is a morning gone."),
    ("Nadia Brooks", "What happened the last time it went wrong?"),
    ("Owen Pryce", "I built a railing four centimetres too short because the customer measured to the wrong post."),
    ("Nadia Brooks", "How did you sort it out?"),
    ("Owen Pryce", "I forged a new end piece for free. Two days of work I never got paid for."),
    ("Nadia Brooks", "What would help you most?"),
    ("Owen Pryce", "A simple guide I can send that shows customers exactly where to measure from."),
    ("Nadia Brooks", "Thank you, Owen."),
]
EN_FORGE_GOLD = {"interviewers": ["Nadia Brooks"], "customers": ["Owen Pryce"], "quotes": [
    "Half the time I drive out to measure again",
    "the customer measured to the wrong post",
    "Two days of work I never got paid for",
]}

ZH_TIEDYE = [  # QQ 消息记录 txt：时间和昵称一行，消息在下面；QQ 号在括号里
    ("小林", "阿芳您好，谢谢您抽时间聊聊。您工坊现在是怎么接订单的？"),
    ("阿芳", "主要是微信和小红书私信，客人发图案过来，我手动记在本子上。"),
    ("小林", "记在本子上会遇到什么麻烦吗？"),
    ("阿芳", "颜色最麻烦，客人说的靛蓝和我理解的靛蓝经常不是一个颜色。"),
    ("阿芳", "上个月一批三十条围巾染完客人说太深，只能重新染，布料钱全亏了。"),
    ("小林", "后来您是怎么处理颜色确认的？"),
    ("阿芳", "现在先染一块小样拍照发过去，但是来回要等两三天，客人嫌慢。"),
    ("小林", "您试过别的工具吗？"),
    ("阿芳", "试过一个订单小程序，可是不能上传小样照片，用了一周就不用了。"),
    ("小林", "如果有一个理想的办法，它应该帮您做到什么？"),
    ("阿芳", "客人下单的时候就能在手机上对着色卡选颜色，我这边直接看到编号。"),
    ("小林", "明白了，非常感谢！"),
]
ZH_TIEDYE_GOLD = {"interviewers": ["小林"], "customers": ["阿芳"], "quotes": [
    "客人说的靛蓝和我理解的靛蓝经常不是一个颜色",
    "一批三十条围巾染完客人说太深，只能重新染",
    "不能上传小样照片，用了一周就不用了",
]}

ZH_BRASS = [  # 飞书多维表格导出的 CSV：序号、发言内容在说话人前面、标签列；两位访谈人
    ("周航", "谢谢您接受访谈。您店里修一支萨克斯，从收件到交付大概是什么流程？"),
    ("钱师傅", "客人拿来，我先看哪里漏气，写个单子贴在琴盒上，然后排队等修。"),
    ("周航", "排队一般要多久？"),
    ("钱师傅", "旺季要两周，考级前那一个月最夸张，每天都有家长打电话催。"),
    ("周航", "家长催的时候您怎么查进度？"),
    ("钱师傅", "只能去后面一个一个翻琴盒，翻一次十几分钟，活都停了。"),
    ("许静", "我补充问一句，您现在店里一共几个修琴师傅？"),
    ("钱师傅", "算上我三个，徒弟还只能换换垫子。"),
    ("周航", "有没有用过什么软件来管？"),
    ("钱师傅", "用过一个维修管理的APP，要每步拍照上传，手上都是油，根本没法弄。"),
    ("周航", "那您最希望解决的是什么？"),
    ("钱师傅", "家长自己能查到修到哪一步了，别老打电话来问。"),
    ("周航", "好的，太感谢了。"),
]
ZH_BRASS_GOLD = {"interviewers": ["周航", "许静"], "customers": ["钱师傅"], "quotes": [
    "考级前那一个月最夸张，每天都有家长打电话催",
    "只能去后面一个一个翻琴盒",
    "手上都是油，根本没法弄",
]}

ZH_BONSAI = [  # Notion 导出的 Markdown 表格：表头不常见（原话、谁说的），还有序号和备注列
    ("林晓", "您好，谢谢您愿意聊。您盆景园现在怎么记录每盆的养护？"),
    ("黄老板", "每盆插一个竹签，写上品种和上次换盆的时间。"),
    ("林晓", "竹签好用吗？"),
    ("黄老板", "风吹日晒半年字就看不清了，有的还被鸟叼走。"),
    ("林晓", "看不清的时候会出什么问题？"),
    ("黄老板", "去年有二十多盆罗汉松错过了换盆季节，根都盘死了好几盆。"),
    ("林晓", "损失大概有多少？"),
    ("黄老板", "一盆好的要卖三四千，死了三盆，一万多块没了。"),
    ("林晓", "您后来想过什么办法吗？"),
    ("黄老板", "想过挂塑料牌，但是客人来看盆景，觉得牌子太难看。"),
    ("林晓", "谢谢您，今天就先到这儿。"),
]
ZH_BONSAI_GOLD = {"interviewers": ["林晓"], "customers": ["黄老板"], "quotes": [
    "风吹日晒半年字就看不清了",
    "有二十多盆罗汉松错过了换盆季节",
    "客人来看盆景，觉得牌子太难看",
]}

ZH_RICE = [  # 阿里云录音文件识别：Result.Sentences，SpeakerId "1" / "2"，字段首字母大写
    ("1", "您好，感谢您接受采访。您的碾米厂现在是怎么安排收稻谷的？"),
    ("2", "农户打电话来约，我在墙上的日历上写名字和大概多少斤。"),
    ("1", "这样安排会遇到什么问题？"),
    ("2", "秋收那半个月，门口经常排十几辆三轮车，有人等到半夜。"),
    ("1", "为什么会排那么长？"),
    ("2", "电话里说五百斤，拉来一千多斤，烘干机一下就排满了。"),
    ("1", "您试过什么办法吗？"),
    ("2", "让儿子建了个微信群报数，可老人不会发消息，还是打电话。"),
    ("1", "如果有个好办法，您最想要它做到什么？"),
    ("2", "每家来之前就知道几点能过磅，不用在门口干等。"),
    ("1", "好的，谢谢您。"),
]
ZH_RICE_GOLD = {"interviewers": ["Speaker 1"], "customers": ["Speaker 2"], "quotes": [
    "门口经常排十几辆三轮车，有人等到半夜",
    "电话里说五百斤，拉来一千多斤",
    "老人不会发消息，还是打电话",
]}

ZH_ERHU = [  # 腾讯云录音识别：Response.Data.ResultDetail，FinalSentence，SpeakerId 0 / 1；客户先开口
    (1, "喂，听得到吗？我这边信号不太好。"),
    (0, "听得到，谢谢您抽空。您做二胡这么多年，现在订单是怎么管的？"),
    (1, "都是老主顾介绍的，我用一个账本记谁订了什么蟒皮、什么木料。"),
    (0, "账本用下来怎么样？"),
    (1, "木料要晾三年，三年前谁订的，账本翻烂了都找不到。"),
    (0, "找不到的时候怎么办？"),
    (1, "只能打电话一个个问，去年有位老师订的紫檀琴，我差点卖给别人。"),
    (0, "您有没有想过换个方式记？"),
    (1, "女儿给我装了个表格软件，字太小，我眼睛看不清。"),
    (0, "明白，谢谢您，今天聊得很清楚。"),
]
ZH_ERHU_GOLD = {"interviewers": ["Speaker 0"], "customers": ["Speaker 1"], "quotes": [
    "木料要晾三年，三年前谁订的，账本翻烂了都找不到",
    "有位老师订的紫檀琴，我差点卖给别人",
    "字太小，我眼睛看不清",
]}

ZH_GOLDFISH = [  # Deepgram paragraphs（中文），speaker 0 / 1
    (0, "您好，谢谢您接受访谈。想先了解一下，您的金鱼场现在是怎么出货的？"),
    (1, "花鸟市场的店主打电话要货，我按品种和大小捞好，早上五点送过去。"),
    (0, "送货的时候有什么难处吗？"),
    (1, "路上最怕缺氧，夏天一车死十几条是常事，店主就不付那部分钱。"),
    (0, "这种情况一个月会有几次？"),
    (1, "七八月份几乎每周都有，有一次一整袋兰寿全翻了肚子。"),
    (0, "您现在是怎么记录每家的订单和损耗的？"),
    (1, "我老婆在手机备忘录里记，月底对账经常对不上，吵过好几回。"),
    (0, "好的，非常感谢您。"),
]
ZH_GOLDFISH_GOLD = {"interviewers": ["Speaker 0"], "customers": ["Speaker 1"], "quotes": [
    "夏天一车死十几条是常事",
    "有一次一整袋兰寿全翻了肚子",
    "月底对账经常对不上，吵过好几回",
]}

ZH_ARCHERY = [  # WhatsApp（安卓）导出：日期, 时间 - 名字: 消息
    ("陈悦", "王教练您好，谢谢您愿意聊聊。射箭馆现在是怎么约课的？"),
    ("王教练", "学员在微信上找我，我在一张打印的课表上用笔划掉。"),
    ("陈悦", "这样做有什么不方便的吗？"),
    ("王教练", "两个教练各有一张课表，经常同一个靶道约给了两拨人。"),
    ("陈悦", "撞了的时候怎么处理？"),
    ("王教练", "上周六两家亲子团同时到，只能让一家等了一个小时，还退了一半钱。"),
    ("陈悦", "你们试过线上约课吗？"),
    ("王教练", "用过一个健身房的约课系统，它只认教练不认靶道，没法用。"),
    ("陈悦", "明白了。谢谢王教练！"),
]
ZH_ARCHERY_GOLD = {"interviewers": ["陈悦"], "customers": ["王教练"], "quotes": [
    "经常同一个靶道约给了两拨人",
    "只能让一家等了一个小时，还退了一半钱",
    "它只认教练不认靶道，没法用",
]}

EN_BONSAI_WHISPER = [  # Whisper JSON, segments with no speakers: nobody can tell the sides apart
    "Thanks for talking with me today. How do you water the trees in the nursery?",
    "By hand, every evening. It takes me about two hours in summer.",
    "What happens when you are away?",
    "My neighbour does it, and last August he missed the junipers in the back row.",
]
