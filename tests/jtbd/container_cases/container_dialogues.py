"""The interviews of the container cases, as (speaker, text) turns, before they are put in a
spreadsheet or a speech service's JSON by `build_cases.py`. Written by hand for this set."""

from __future__ import annotations

Turns = list[tuple[str, str]]

UPHOLSTERY_EN: Turns = [
    ("Dana (Research)", "Thanks for making time, Marco. Can you walk me through how a re-cover job "
     "moved through the shop before you changed anything?"),
    ("Marco Bellini", "Sure. A customer drops off a sofa, I write a paper job card and pin it on the "
     "cork board by the cutting table."),
    ("Marco Bellini", "The card says the fabric, the foam density and the promised date."),
    ("Dana (Research)", "And what went wrong with the cork board?"),
    ("Marco Bellini", "Cards fell behind the board and nobody knew a chair was waiting on fabric. "
     "Last spring we lost a whole dining set order because the fabric was never ordered."),
    ("Dana (Research)", "What made you look for something else at that point?"),
    ("Marco Bellini", "The designer who sends us half our work said she would go to the shop across "
     "town if I missed one more date. That was the week I started looking."),
    ("Dana (Research)", "What did you try first?"),
    ("Marco Bellini", "A shared spreadsheet, but my two upholsterers never opened it on the floor. "
     "Now every job has a photo and a status on the tablet at the bench."),
    ("Dana (Research)", "Was there anything that worried you about switching?"),
    ("Marco Bellini", "I was afraid the older guys would refuse to type anything with glue on their "
     "hands. What I want is to tell a customer the real date without walking to the back."),
]

ARBORIST_EN: Turns = [
    ("Interviewer", "How did you plan the crew's week before the new system?"),
    ("Kofi Mensah", "Every Sunday night I sat with a whiteboard and the quotes we had won, and "
     "figured out which truck and which climber went where."),
    ("Interviewer", "What made that hard?"),
    ("Kofi Mensah", "A storm blows through and the whole board is wrong by Monday at seven. Then I "
     "am on the phone for two hours moving jobs while the crew waits in the yard."),
    ("Interviewer", "When did you decide to change it?"),
    ("Kofi Mensah", "We sent the chipper truck to a removal on the wrong street and the homeowner "
     "posted about it. That cost us a neighbourhood."),
    ("Interviewer", "What did you compare?"),
    ("Kofi Mensah", "We looked at a big field service suite, but it wanted a year contract and "
     "training days we do not have."),
    ("Interviewer", "And what matters most now?"),
    ("Kofi Mensah", "I need the climbers to see tomorrow's job and the hazard notes on their phones "
     "the night before. Honestly the price mattered less than getting my Sundays back."),
]

POOL_EN: Turns = [
    ("S1", "Tell me about the routes before you switched. How did a technician know which pools to "
     "service?"),
    ("S2", "Each tech had a printed route sheet and a clipboard for the chemical readings."),
    ("S2", "At the end of the day they texted me photos of the clipboard and I typed the readings "
     "into the billing software."),
    ("S1", "What was the worst part of that?"),
    ("S2", "A homeowner with a green pool called us and I had no record that anyone had tested the "
     "chlorine that week. I could not prove we had been there."),
    ("S1", "What pushed you to do something about it?"),
    ("S2", "The health inspector started asking the apartment complexes for daily logs, and two of "
     "our biggest accounts said they would drop us without them."),
    ("S1", "Did anything make you hesitate?"),
    ("S2", "I was worried the techs would skip the readings if the app was slow at the pool gate. "
     "I want the log written at the pool, with a photo and the time on it."),
]

BRIDAL_EN: Turns = [
    ("1", "How did you book fittings before you moved to online booking?"),
    ("2", "Brides called the shop and I wrote the fitting in a paper diary next to the register."),
    ("1", "What happened with the paper diary?"),
    ("2", "Two brides showed up for the same slot on a Saturday and one of them cried in the "
     "fitting room. We had one seamstress and two dresses to pin."),
    ("1", "What made you finally change?"),
    ("2", "My seamstress said she would quit if Saturdays stayed like that. So I tried the "
     "booking page the florist next door uses."),
    ("1", "What were you afraid of?"),
    ("2", "I thought older customers would not book online and would just stop calling. What I "
     "want is every fitting booked with the dress and the alteration notes attached."),
]

KNIVES_EN: Turns = [
    ("1", "How did restaurants order a sharpening visit from you before?"),
    ("2", "Chefs texted me whenever their knives felt dull, and I drove the van wherever the texts "
     "told me to."),
    ("1", "What was hard about that?"),
    ("2", "Some weeks I drove across the city three times for one knife roll. The gas alone ate "
     "the margin on the small kitchens."),
    ("1", "What made you change the way you take orders?"),
    ("2", "A hotel kitchen asked for a fixed schedule for forty knives every two weeks, and I "
     "could not promise it with texts."),
    ("1", "Was there anything you were worried about?"),
    ("2", "I worried the chefs would hate a booking form. I want each kitchen on a fixed route "
     "day, so the van goes north on Tuesdays and south on Thursdays."),
]

TAXIDERMY_EN: Turns = [
    ("Priya", "How did you keep track of the mounts waiting in the studio?"),
    ("Hal Brenner", "A freezer log on paper taped to the freezer lid, with the tag number and the "
     "customer's phone."),
    ("Priya", "What went wrong with the freezer log?"),
    ("Hal Brenner", "The paper got wet and we could not read half the tag numbers. One customer "
     "waited eleven months for a deer head because we lost track of it."),
    ("Priya", "What made you go looking for another way?"),
    ("Hal Brenner", "The state wildlife office audited our tags and asked for the record of every "
     "specimen. I spent a weekend rebuilding it from receipts."),
    ("Priya", "What matters most to you now?"),
    ("Hal Brenner", "I want a customer to get a text when the mount is ready, without me digging "
     "through the freezer. I did not care about the fancy invoicing at all."),
]

CLEANING_ZH: Turns = [
    ("访谈人", "刘经理，您先说说以前保洁订单是怎么派给阿姨的？"),
    ("刘经理", "以前都是客户打电话到店里，我在本子上记下地址，再一个个打电话问阿姨有没有空。"),
    ("刘经理", "一天下来光打电话就要两三个小时。"),
    ("访谈人", "那时候最头疼的是什么？"),
    ("刘经理", "最怕的是两个阿姨被派到同一家，另一家却没人去，客户直接在点评上给了差评。"),
    ("访谈人", "后来是什么事让您下决心换？"),
    ("刘经理", "去年春节前订单翻了一倍，我一个人根本排不过来，还漏了一个老客户的开荒保洁。"),
    ("访谈人", "换之前有什么顾虑吗？"),
    ("刘经理", "担心阿姨们年纪大，不会用手机接单。我就想让每个阿姨前一天晚上就知道第二天去哪几家。"),
]

PRINTING_ZH: Turns = [
    ("小吴", "陈厂长，以前车间的印刷订单是怎么排产的？"),
    ("陈厂长", "以前就是业务员把订单单子拿到车间，我在白板上排哪台机器先印哪一单。"),
    ("小吴", "这样排有什么问题？"),
    ("陈厂长", "客户临时改稿，白板上的单子没人改，结果印错了三千个礼盒，纸和油墨全浪费了。"),
    ("小吴", "后来为什么决定换系统？"),
    ("陈厂长", "一个做月饼礼盒的大客户说，再交期延误就把明年的单子给别家。"),
    ("陈厂长", "那年中秋前我们天天加班到半夜。"),
    ("小吴", "您比较过别的方案吗？"),
    ("陈厂长", "看过一套大厂用的ERP，太贵，实施要半年，我们等不起。"),
    ("小吴", "现在最想要的是什么？"),
    ("陈厂长", "我希望每个机长在机台上就能看到最新的稿子和交期，改稿了马上知道。"),
]

RECYCLING_ZH: Turns = [
    ("0", "您以前收废品是怎么记账的？"),
    ("1", "以前过磅以后，我就在一个硬皮本上记重量和单价，月底再一笔一笔加。"),
    ("0", "这样记账遇到过什么麻烦？"),
    ("1", "有一次本子被雨淋湿了，半个月的账都看不清，跟打包站对不上，亏了好几千块。"),
    ("0", "后来是什么让您想换一种办法？"),
    ("1", "打包站开始要求每车货都要有电子过磅单，没有单子就压价收。"),
    ("0", "换之前担心什么？"),
    ("1", "我怕地磅连不上手机，又怕麻烦。现在就想过完磅单子自动出来，月底不用再熬夜算账。"),
]

HERBAL_ZH: Turns = [
    ("1", "王总，饮片厂以前批次是怎么追溯的？"),
    ("2", "以前每一批药材进厂，质检员手写一张批次卡，挂在药材袋子上。"),
    ("1", "手写批次卡有什么问题？"),
    ("2", "卡片一掉就不知道这袋黄芪是哪个产地的，药监来检查的时候我们翻了两天的单据。"),
    ("1", "后来为什么下决心换？"),
    ("2", "去年有一批饮片被抽检出问题，我们查不到原料批次，只能整批召回，损失了二十多万。"),
    ("1", "当时还考虑过别的办法吗？"),
    ("2", "考虑过再招一个专门管台账的文员，可是人工记录还是会出错。我要的是扫一下码就能查到从产地到出库的每一步。"),
]

FILM_ZH: Turns = [
    ("1", "您店里以前怎么安排贴膜师傅的工位？"),
    ("2", "以前客户到店才排，师傅们自己看谁有空就接，周末经常三台车等一个工位。"),
    ("1", "那样会出什么问题？"),
    ("2", "有个客户等了两个小时，最后车没贴就走了，还在群里说我们店不靠谱。"),
    ("1", "什么时候决定要换一种做法？"),
    ("2", "今年隐形车衣的单子多起来，一台车要做一整天，不提前约根本排不开。"),
    ("1", "换的时候有什么担心？"),
    ("2", "担心老客户嫌预约麻烦，直接去隔壁店。我就想让客户在手机上约好时间，来了就能开工。"),
]

TEA_ZH: Turns = [
    ("周雪（研究员）", "孙老板，您几家奶茶店以前是怎么订原料的？"),
    ("孙浩", "以前每家店长晚上在微信群里报数，我第二天早上汇总了再给供应商打电话。"),
    ("周雪（研究员）", "这样订货有什么问题？"),
    ("孙浩", "店长经常忘记报，第二天鲜奶不够，高峰期只能停卖两个招牌款。"),
    ("周雪（研究员）", "后来是什么让您想改？"),
    ("孙浩", "开到第四家店的时候，有一次我漏订了整整一天的水果，三家店同时断货。"),
    ("周雪（研究员）", "您担心过什么吗？"),
    ("孙浩", "怕系统太复杂，店员学不会。我要的是每家店按前一天的销量自动生成订货单，我只要点一下确认。"),
]

WEDDING_ZH: Turns = [
    ("1", "您婚庆公司以前是怎么跟新人确认流程的？"),
    ("2", "以前都是策划师用微信跟新人聊，流程表改了好几版，最后谁也说不清哪一版是最终的。"),
    ("1", "出过什么问题吗？"),
    ("2", "有一场婚礼司仪念错了新人父母的名字，因为他拿的是旧版流程表，新人当场就哭了。"),
    ("1", "什么时候决定要换？"),
    ("2", "那场之后我们退了一半的服务费，我就下决心所有流程表都放到一个地方。"),
    ("1", "现在最看重什么？"),
    ("2", "我希望新人、策划、司仪和摄影看到的永远是同一版流程表，改了大家都能收到提醒。"),
]
