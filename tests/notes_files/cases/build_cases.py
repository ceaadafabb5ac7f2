"""Writes the first-contact notes files of this folder in the containers people have them in.

    python tests/notes_files/cases/build_cases.py

The texts are written here once, by hand, for this folder (see README.md); the script only wraps
them in .docx / .html / .enex / .eml / .mbox / .ics / .rtf / GBK / Big5 so the files can be
rebuilt byte for byte. The gold beside each file was written with the texts, before any scoring.
"""

from __future__ import annotations

import base64
import quopri
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# ---------------------------------------------------------------- .docx
def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ins(text: str) -> str:
    return f'<w:ins w:id="90" w:author="Editor" w:date="2026-11-02T10:00:00Z">{_run(text)}</w:ins>'


def _del(text: str) -> str:
    return (f'<w:del w:id="91" w:author="Editor" w:date="2026-11-02T10:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def _para(body: str, style: str = "", bullet: bool = False) -> str:
    props = ""
    if style or bullet:
        props = "<w:pPr>"
        props += f'<w:pStyle w:val="{style}"/>' if style else ""
        props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else ""
        props += "</w:pPr>"
    return f"<w:p>{props}{body}</w:p>"


def _commented(text: str, comment_id: int) -> str:
    return (f'<w:commentRangeStart w:id="{comment_id}"/>{_run(text)}'
            f'<w:commentRangeEnd w:id="{comment_id}"/>'
            f'<w:r><w:commentReference w:id="{comment_id}"/></w:r>')


def _table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{_run(c)}</w:p></w:tc>" for c in row) + "</w:tr>"
                    for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def write_docx(path: Path, body: str, comments: dict[int, tuple[str, str]]) -> None:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                '</Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
              '</w:styles>')
    comment_xml = "".join(
        f'<w:comment w:id="{i}" w:author="{author}" w:initials="X"><w:p>{_run(text)}</w:p></w:comment>'
        for i, (author, text) in comments.items())
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}>'
                f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/_rels/document.xml.rels", doc_rels)
        package.writestr("word/styles.xml", styles)
        package.writestr("word/comments.xml",
                         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
                         f"{comment_xml}</w:comments>")
        package.writestr("word/document.xml", document)


def piano_docx() -> None:
    body = "".join([
        _para(_run("Piano dealers: who we sell to first"), "Title"),
        _para(_run("Written after the Q3 pipeline review. Our best accounts are independent piano "
                   "dealers that also run a tuning and restoration shop: one or two showrooms, "
                   "a service van or two, family owned.")),
        _para(_run("Size"), "Heading1"),
        _para(_run("Between 5 and 40 employees, revenue $1M to $8M a year.")),
        _para(_run("Where"), "Heading1"),
        _para(_run("Regions: Illinois, Michigan, ") + _del("Ontario, ") + _ins("Ohio, ")
              + _run("Indiana.")),
        _table([["Topic", "What we heard"],
                ["Tools", "QuickBooks for the books, Square at the counter, Google Calendar for tunings"],
                ["Pains", "tuning appointments double-booked across two technicians; "
                          "rent-to-own contracts tracked in a spreadsheet; restoration jobs never costed"],
                ["Champion", "the service manager"],
                ["Signs the budget", "the owner"]]),
        _para(_run("Buying signals"), "Heading2"),
        _para(_run("Opening a second showroom"), bullet=True),
        _para(_run("Starting a school rental program with a local district"), bullet=True),
        _para(_commented("Hiring a second piano technician", 1), bullet=True),
        _para(_run("Stay away from"), "Heading2"),
        _para(_run("Big-box music chains; stores that sell only digital keyboards.")),
    ])
    write_docx(HERE / "piano_dealers_en.docx", body,
               {1: ("Priya", "also a red flag: dealers who outsource all tuning to freelancers")})


def dental_docx() -> None:
    body = "".join([
        _para(_run("民营口腔诊所 ICP 草稿"), "Title"),
        _para(_run("目标客户：民营口腔诊所，有两到六家分院的连锁最好。")),
        _para(_run("规模"), "Heading1"),
        _para(_run("员工15到200人，年营收1440万到1.44亿元人民币。")),
        _para(_run("地区"), "Heading1"),
        _para(_run("先做武汉、") + _del("郑州、") + _ins("长沙、") + _run("南昌。")),
        _table([["维度", "内容"],
                ["现在用的工具", "企业微信、美团、Excel"],
                ["痛点", "复诊提醒靠前台打电话；种植牙耗材对不上账；医生排班冲突"],
                ["使用者", "客服主管"],
                ["拍板", "院长"]]),
        _para(_run("购买信号"), "Heading2"),
        _para(_run("准备开新分院"), bullet=True),
        _para(_commented("刚采购了CBCT", 1), bullet=True),
        _para(_run("不做"), "Heading2"),
        _para(_run("公立医院口腔科；全国性大型连锁集团。")),
    ])
    write_docx(HERE / "dental_clinics_zh.docx", body,
               {1: ("王敏", "补充：新招了运营主管的诊所也算信号")})


# ---------------------------------------------------------------- .html
HOOD_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>ICP: hood cleaning contractors</title>
<style>body{font-family:sans-serif} .page-title{font-size:2em}</style>
<script>window.notionExport = {"version": 3, "ignore": "enterprise hospitals"};</script>
</head><body><article class="page sans">
<header><h1 class="page-title">ICP: kitchen exhaust hood cleaning contractors</h1></header>
<div class="page-body">
<p>Who buys: commercial kitchen exhaust <strong>hood cleaning contractors</strong> that also do
fan and filter service for restaurants.</p>
<h2>Firmographics</h2>
<ul>
<li>10 to 120 employees</li>
<li>Revenue $2M to $20M</li>
<li>Texas, Oklahoma and Louisiana first</li>
</ul>
<h2>Stack</h2>
<table><thead><tr><th>Tool</th><th>Used for</th></tr></thead>
<tbody><tr><td>Jobber</td><td>scheduling night crews</td></tr>
<tr><td>QuickBooks Online</td><td>invoicing</td></tr>
<tr><td>Google Sheets</td><td>certificate tracking</td></tr></tbody></table>
<h2>Pains</h2>
<ol>
<li>NFPA 96 inspection certificates are chased by hand</li>
<li>Before and after photo reports take an hour per job</li>
<li>Night shift crews get double-booked</li>
</ol>
<h2>Signals</h2>
<ul><li>Won a contract with a regional restaurant chain</li><li>Adding a second crew truck</li></ul>
<h2>People</h2>
<p>Champion: operations manager. Budget: the owner.</p>
<h2>Not a fit</h2>
<ul><li>Residential duct cleaning companies</li><li>Franchise headquarters procurement</li></ul>
</div></article></body></html>
"""

COLD_HTML = """<html><head><title>冷库运营商 ICP - 市场部 - Confluence</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<style type="text/css">.confluenceTable{border:1px}</style></head>
<body class="theme-default aui-theme-default">
<div id="page"><div id="main" class="aui-page-panel">
<div id="breadcrumb-section"><ol id="breadcrumbs"><li><span>市场部</span></li></ol></div>
<h1 id="title-heading" class="pagetitle"><span id="title-text">冷库运营商 ICP</span></h1>
<div id="main-content" class="wiki-content group">
<p>目标客户是第三方冷链仓储的冷库运营商。</p>
<h2 id="size">规模</h2>
<p>员工50到500人，年营收7200万到7.2亿元。</p>
<h2 id="region">地区</h2>
<p>山东、河南、河北。</p>
<div class="table-wrap"><table class="confluenceTable"><tbody>
<tr><th class="confluenceTh">项目</th><th class="confluenceTh">说明</th></tr>
<tr><td class="confluenceTd">系统</td><td class="confluenceTd">金蝶、钉钉、用友</td></tr>
<tr><td class="confluenceTd">痛点</td><td class="confluenceTd">库位经常找不到货；温度记录靠人抄；出入库预约排队</td></tr>
<tr><td class="confluenceTd">对接人</td><td class="confluenceTd">仓储经理</td></tr>
<tr><td class="confluenceTd">决策人</td><td class="confluenceTd">总经理</td></tr>
</tbody></table></div>
<h2 id="signals">购买信号</h2>
<ul><li>正在新建冷库</li><li>刚接了连锁餐饮客户</li></ul>
<h2 id="no">排除</h2>
<ul><li>自建冷库的大型食品厂</li><li>只做冷链运输的车队</li></ul>
</div></div></div>
<div id="footer"><p>由 Atlassian Confluence 生成</p></div>
</body></html>
"""


# ---------------------------------------------------------------- .enex
def _enml(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">\n'
            f"<en-note>{body}</en-note>")


GROOMING_ENEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20261103T101500Z" application="Evernote" version="10.60.4">
<note><title>Call notes - mobile grooming owners</title><created>20261028T150000Z</created>
<content><![CDATA[{_enml('''<div>Talked to three owners of <b>mobile dog grooming</b> van businesses.</div>
<div><br/></div><div>They run 3 to 25 employees and make $300k to $3M a year.</div>
<ul><li><div>Route planning between appointments is the daily headache</div></li>
<li><div>No-shows cost them a full slot</div></li>
<li><div>Vaccination records live in text messages</div></li></ul>
<div><en-todo checked="false"/>send the dispatcher template</div>''')}]]></content>
<tag>calls</tag></note>
<note><title>ICP summary - mobile grooming</title><created>20261102T090000Z</created>
<content><![CDATA[{_enml('''<h2>Where</h2><div>Florida, Georgia, the Carolinas.</div>
<h2>Tools</h2><div>MoeGo, Square, Google Voice.</div>
<h2>Buying signals</h2><ul><li>Buying a third van</li><li>Hiring a dispatcher</li></ul>
<h2>Who</h2><div>Champion: office manager. Buyer: owner.</div>
<h2>Skip</h2><ul><li>Grooming salons inside pet-store chains</li><li>Solo groomers with one van</li></ul>''')}]]></content>
</note>
</en-export>
"""


# ---------------------------------------------------------------- .eml / .mbox
def _b64_lines(data: bytes) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


MOVING_PLAIN = """王总好，

整理了一下我们搬家公司客户的画像，供周会讨论：

- 目标：城市里做居民搬家和公司搬迁的搬家公司
- 员工30到300人，年营收3600万到3.6亿元
- 地区：广州、深圳、佛山
- 他们用企业微信、金蝶、高德地图
- 痛点：上门估价报价不准；车辆调度靠电话；物品损坏理赔扯皮
- 对接人是调度主管，拍板的是总经理
- 不做：只有一辆车的个体搬家；国际搬家

李娜

> 在 2026年11月2日 周一 09:12，王强 写道：
> 上周见的两家都说在开新城市分公司，这个可以当信号。
> 另外他们都在招调度主管。
"""

MOVING_HTML = "<html><body><p>王总好，</p><p>见纯文本版本。</p></body></html>"


def moving_eml() -> None:
    plain = MOVING_PLAIN.encode("gbk")
    html = MOVING_HTML.encode("gbk")
    subject = "=?gb2312?B?" + base64.b64encode("搬家公司客户画像".encode("gb2312")).decode() + "?="
    sender = "=?gb2312?B?" + base64.b64encode("李娜".encode("gb2312")).decode() + "?= <lina@example.cn>"
    message = f"""From: {sender}
To: wangqiang@example.cn
Subject: {subject}
Date: Tue, 03 Nov 2026 10:20:00 +0800
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="==b1=="

--==b1==
Content-Type: text/plain; charset="gb2312"
Content-Transfer-Encoding: base64

{_b64_lines(plain)}
--==b1==
Content-Type: text/html; charset="gb2312"
Content-Transfer-Encoding: base64

{_b64_lines(html)}
--==b1==--
"""
    (HERE / "moving_companies_zh.eml").write_bytes(message.replace("\n", "\r\n").encode("ascii"))


STORAGE_PLAIN = """Hi team,

Quick write-up on the self-storage segment before Thursday's call.

Target: independent self-storage facility operators with 3 to 12 sites.
Size: 10 to 150 employees, $2M to $30M revenue.
Regions: Pennsylvania, New Jersey, Delaware.
They run SiteLink for the units and QuickBooks for the books.

Pains: delinquent tenants and lien auctions handled on paper; gate codes reset by hand;
nobody knows unit availability across sites.

Champion is the district manager; the owner or CFO signs.

Avoid: the big REITs and single-facility mom-and-pop owners.

Marcus

On Mon, Nov 2, 2026 at 4:05 PM Dana Reyes <dana@example.com> wrote:
> Two signals from the calls: they are acquiring another facility this year,
> and they want to add online rentals.
"""

STORAGE_HTML = """<html><body><div>Hi team,</div><div>Quick write-up on the <b>ANTI-SEGMENT</b>
moving trucks rental.</div></body></html>"""


def storage_eml() -> None:
    plain = quopri.encodestring(STORAGE_PLAIN.encode("utf-8")).decode("ascii")
    message = f"""From: Marcus Hill <marcus@example.com>
To: sales@example.com
Subject: Re: self-storage ICP
Date: Tue, 3 Nov 2026 08:41:00 -0500
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt-77"

--alt-77
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

{plain}
--alt-77
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 7bit

{STORAGE_HTML}
--alt-77--
"""
    (HERE / "self_storage_en.eml").write_text(message, "ascii")


TIRES_MBOX = """From jo@example.com Mon Nov  2 09:00:00 2026
From: Jo Nguyen <jo@example.com>
To: growth@example.com
Subject: tire shops - first pass
Date: Mon, 2 Nov 2026 09:00:00 -0600
Content-Type: text/plain; charset=utf-8

Independent tire shops, the kind with 6 to 50 employees and $1M to $12M revenue.
Wisconsin, Minnesota and Iowa.
They use Tekmetric and QuickBooks.
The October rush for winter tire changeovers breaks their booking;
seasonal tire storage is tracked on paper tags.

From sam@example.com Mon Nov  2 11:30:00 2026
From: Sam Ortiz <sam@example.com>
To: growth@example.com
Subject: Re: tire shops - first pass
Date: Mon, 2 Nov 2026 11:30:00 -0600
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

{b64}
"""

TIRES_REPLY_HTML = """<html><body><p>Adding to Jo's list:</p>
<ul><li>signal: opening a second location</li><li>signal: hiring a service advisor</li></ul>
<p>Champion is the shop manager, the owner signs.</p>
<p>Not for us: car dealerships and the national tire chains.</p>
<blockquote>Independent tire shops, the kind with 6 to 50 employees</blockquote>
</body></html>"""


# ---------------------------------------------------------------- .ics
GLASS_DESCRIPTION = ("ICP notes for the call:\\nTarget: mobile auto glass repair shops (windshield "
                     "chip repair and replacement).\\nSize: 8 to 60 employees\\, $1M to $10M revenu"
                     "e.\\nRegions: Arizona\\, Nevada\\, Utah.\\nTools: Omega EDI\\, QuickBooks\\, "
                     "Google Calendar.\\nPains: insurance claim paperwork\\; ADAS camera recalibrat"
                     "ion scheduling\\; routing mobile techs.\\nSignals: adding an ADAS calibration"
                     " bay\\; signing a new fleet account.\\nChampion: shop manager. Buyer: owner."
                     "\\nNot a fit: dealership service departments\\; national glass chains.")


def _fold(line: str) -> str:
    pieces = [line[:74]] + [line[i:i + 73] for i in range(74, len(line), 73)]
    return "\r\n ".join(pieces)


def glass_ics() -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example Corp//Calendar 1.0//EN",
             "BEGIN:VEVENT", "UID:7f1c2a@example.com", "DTSTAMP:20261103T150000Z",
             "DTSTART:20261105T160000Z", "DTEND:20261105T163000Z",
             "SUMMARY:ICP review: auto glass shops",
             _fold("DESCRIPTION:" + GLASS_DESCRIPTION),
             "LOCATION:Zoom", "END:VEVENT", "END:VCALENDAR"]
    (HERE / "auto_glass_en.ics").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


# ---------------------------------------------------------------- .rtf
def _rtf_gbk(text: str) -> str:
    out = []
    for char in text:
        if ord(char) < 128:
            out.append({"\\": "\\\\", "{": "\\{", "}": "\\}", "\n": "\\par\n"}.get(char, char))
        else:
            out.append("".join(f"\\'{byte:02x}" for byte in char.encode("gbk")))
    return "".join(out)


def _rtf_unicode(text: str) -> str:
    return "".join(f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" if ord(c) > 127 else c
                   for c in text)


def wedding_rtf() -> None:
    head = "婚纱摄影工作室 ICP\n"
    part_gbk = ("目标：独立的婚纱摄影工作室。\n员工8到60人，年营收720万到7200万元。\n"
                "地区：成都、重庆、昆明。\n工具：企业微信、有赞、钉钉。\n")
    part_unicode = ("痛点：客人选片要来回好几次；旺季档期冲突；修图外包进度看不到。\n"
                    "信号：准备开第二家门店；在招客服主管。\n对接人：门店店长；拍板：老板。\n"
                    "不做：连锁影楼集团；只做婚礼跟拍的个人摄影师。\n")
    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}"
           "{\\f1\\fswiss\\fcharset0 Arial;}}\n{\\colortbl ;\\red0\\green0\\blue0;}\n"
           "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\n"
           "\\pard\\sa200\\sl276\\slmult1\\b\\f0\\fs28 " + _rtf_gbk(head).replace("\\par\n", "\\b0\\fs22\\par\n")
           + _rtf_gbk(part_gbk) + "\\uc1 " + _rtf_unicode(part_unicode).replace("\n", "\\par\n") + "}\n")
    (HERE / "wedding_studios_zh.rtf").write_bytes(rtf.encode("ascii"))


# ---------------------------------------------------------------- legacy Chinese text
GUESTHOUSE = """民宿集群客户画像（周会记录）

我们最好的客户是乡村民宿的经营者，一般一个主理人管三到十栋。
员工5到50人，年营收360万到3600万元。
地区：浙江、福建、云南。
他们在携程、美团、飞猪上卖房，日常沟通全靠微信。
痛点：几个平台的房态不同步，节假日经常超卖；保洁排班靠微信群喊人；押金退款对不上。
信号：今年要新开一栋楼；在招管家主管。
对接人一般是管家主管，拍板是主理人。
不做：连锁酒店；只有一栋、自己住一半的房东。
"""

HERBAL = """中藥行客戶輪廓

目標：台灣的傳統中藥行，很多是第二代接手。
員工3到30人。
地區：台北、台中、高雄。
現在用LINE跟客人聯絡，進貨和庫存都記在Excel。
痛點：藥材批號和效期追不到；老師傅配藥的配方沒有記錄；月底對帳很花時間。
信號：第二代開始做網路訂購；準備開第二家門市。
對接人是店長，決定的是老闆。
不做：連鎖藥妝店；純網路藥局。
"""


def main() -> None:
    piano_docx()
    dental_docx()
    (HERE / "hood_cleaning_en.html").write_text(HOOD_HTML, "utf-8")
    (HERE / "cold_storage_zh.html").write_text(COLD_HTML, "utf-8")
    (HERE / "mobile_grooming_en.enex").write_text(GROOMING_ENEX, "utf-8")
    moving_eml()
    storage_eml()
    reply = _b64_lines(TIRES_REPLY_HTML.encode("utf-8"))
    (HERE / "tire_shops_en.mbox").write_text(TIRES_MBOX.replace("{b64}", reply), "utf-8")
    glass_ics()
    wedding_rtf()
    (HERE / "guesthouses_gbk_zh.txt").write_bytes(GUESTHOUSE.encode("gbk"))
    (HERE / "herbal_shops_big5_zh.txt").write_bytes(HERBAL.encode("big5"))


if __name__ == "__main__":
    main()
