"""The national annual-report formats as data.

One definition read by extract (to find things), audit (to check them) and render (to write them).
Labels are written as printed in 国办公开办函〔2021〕30号 / 〔2019〕60号; ``keys`` are the phrases
that identify a label after normalisation (see ``labels.norm``); ``variants`` are wordings and typos
seen in real reports, matched but reported (rule L-01).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    key: str  # canonical record key
    label: str  # the label as the format prints it
    keys: tuple[str, ...] = ()  # identifying phrases (normalised); all must occur
    variants: tuple[str, ...] = ()  # seen wordings/typos (normalised); any may occur
    group: str | None = None  # 表三 outcome group: granted/denied/unavailable/declined/other
    number: str | None = None  # the row's own numbering: "一", "（三）", "1." ...
    decimal: bool = False  # a column of amounts (万元), not counts: 采购总金额


@dataclass(frozen=True)
class Section:
    id: str
    number: str  # 一 … 六
    label: str
    keys: tuple[tuple[str, ...], ...]  # alternatives; each a tuple of phrases that must all occur


SECTIONS: tuple[Section, ...] = (
    Section("s1_overview", "一", "总体情况", (("总体情况",), ("概述",))),
    Section("s2_active", "二", "主动公开政府信息情况", (("主动公开",),)),
    Section("s3_requests", "三", "收到和处理政府信息公开申请情况",
            (("收到", "申请"), ("依申请公开",), ("申请公开",), ("处理", "申请"))),
    Section("s4_appeals", "四", "政府信息公开行政复议、行政诉讼情况",
            (("行政复议",), ("行政诉讼",), ("复议", "诉讼"))),
    Section("s5_problems", "五", "存在的主要问题及改进情况",
            (("问题", "改进"), ("问题", "整改"), ("存在", "问题"), ("不足", "措施"))),
    Section("s6_other", "六", "其他需要报告的事项", (("其他", "事项"), ("其他需要报告",))),
)

# ---- 表三 -------------------------------------------------------------------------------------
T3_COLUMNS: tuple[Label, ...] = (
    Label("natural_person", "自然人", ("自然人",)),
    Label("commercial", "商业企业", ("商业企业",)),
    Label("research", "科研机构", ("科研机构",)),
    Label("social_welfare", "社会公益组织", ("社会公益组织",), ("公益组织",)),
    Label("legal_service", "法律服务机构", ("法律服务机构",), ("法律服务",)),
    Label("other_org", "其他", ("其他",)),
    Label("total", "总计", ("总计",), ("合计",)),
)
T3_COLUMN_KEYS = tuple(c.key for c in T3_COLUMNS)
T3_ORG_KEYS = T3_COLUMN_KEYS[1:6]

T3_ROWS_2021: tuple[Label, ...] = (
    Label("new_received", "一、本年新收政府信息公开申请数量", ("本年新收",),
          ("本年新收政府信息公开申请数",), number="一"),
    Label("carried_over", "二、上年结转政府信息公开申请数量", ("上年结转",), number="二"),
    Label("granted", "（一）予以公开", ("予以公开",), group="granted", number="（一）"),
    Label("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          ("部分公开",), group="partial", number="（二）"),
    Label("denied_state_secret", "1.属于国家秘密", ("国家秘密",), group="denied", number="1."),
    Label("denied_prohibited", "2.其他法律行政法规禁止公开", ("禁止公开",),
          ("其他法律行政止公开", "法律行政法规禁止"), group="denied", number="2."),
    Label("denied_three_safeties", "3.危及“三安全一稳定”", ("三安全一稳定",), ("三安全",),
          group="denied", number="3."),
    Label("denied_third_party", "4.保护第三方合法权益", ("第三方合法权益",), ("第三方",),
          group="denied", number="4."),
    Label("denied_internal", "5.属于三类内部事务信息", ("内部事务",), group="denied", number="5."),
    Label("denied_process", "6.属于四类过程性信息", ("过程性信息",), ("过程性",),
          group="denied", number="6."),
    Label("denied_enforcement", "7.属于行政执法案卷", ("行政执法案卷",), ("执法案卷",),
          group="denied", number="7."),
    Label("denied_query", "8.属于行政查询事项", ("行政查询事项",), ("查询事项",),
          group="denied", number="8."),
    Label("unavailable_not_held", "1.本机关不掌握相关政府信息", ("不掌握",),
          group="unavailable", number="1."),
    Label("unavailable_need_creation", "2.没有现成信息需要另行制作", ("另行制作",), ("现成信息",),
          group="unavailable", number="2."),
    Label("unavailable_unclear", "3.补正后申请内容仍不明确", ("仍不明确",), ("补正后",),
          group="unavailable", number="3."),
    Label("declined_petition", "1.信访举报投诉类申请", ("信访",), ("举报投诉",),
          group="declined", number="1."),
    Label("declined_duplicate", "2.重复申请", ("重复申请",), group="declined", number="2."),
    Label("declined_publication", "3.要求提供公开出版物", ("公开出版物",), ("出版物",),
          group="declined", number="3."),
    Label("declined_mass", "4.无正当理由大量反复申请", ("大量反复",), ("反复申请",),
          group="declined", number="4."),
    Label("declined_confirmation", "5.要求行政机关确认或重新出具已获取信息", ("重新出具",),
          ("确认或重新",), group="declined", number="5."),
    Label("other_no_supplement",
          "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ("逾期不补正",),
          ("不补正",), group="other", number="1."),
    Label("other_fee_unpaid",
          "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
          ("缴纳费用",), ("收费通知",), group="other", number="2."),
    Label("other_other", "3.其他", ("其他",), ("其它",), group="other", number="3."),
    Label("total_processed", "（七）总计", ("总计",), ("合计",), number="（七）"),
    Label("carried_forward", "四、结转下年度继续办理", ("结转下年",), ("下年度继续办理",), number="四"),
)

# 2019 format: （六）其他处理 is one row.
T3_OTHER_TOTAL = Label("other_total", "（六）其他处理", ("其他处理",), group="other", number="（六）")
T3_ROWS_2019: tuple[Label, ...] = tuple(
    r for r in T3_ROWS_2021 if not r.key.startswith("other_")
)[:20] + (T3_OTHER_TOTAL,) + tuple(r for r in T3_ROWS_2021 if r.key in ("total_processed", "carried_forward"))

T3_GROUPS: dict[str, Label] = {
    "outcomes": Label("outcomes", "三、本年度办理结果", ("办理结果",), number="三"),
    "denied": Label("denied", "（三）不予公开", ("不予公开",), number="（三）"),
    "unavailable": Label("unavailable", "（四）无法提供", ("无法提供",), number="（四）"),
    "declined": Label("declined", "（五）不予处理", ("不予处理",), number="（五）"),
    "other": Label("other", "（六）其他处理", ("其他处理",), number="（六）"),
}
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
# 表三's outcome groups in the format's order, each with the label it is named by: the keys rows
# carry in ``Label.group``. （一）予以公开 and （二）部分公开 are one row each; the others head rows.
OUTCOME_GROUPS: tuple[Label, ...] = (
    Label("granted", "（一）予以公开", ("予以公开",), number="（一）"),
    Label("partial", "（二）部分公开", ("部分公开",), number="（二）"),
    T3_GROUPS["denied"], T3_GROUPS["unavailable"], T3_GROUPS["declined"], T3_GROUPS["other"],
)
T3_OUTCOME_KEYS_2021 = tuple(r.key for r in T3_ROWS_2021 if r.group)
T3_OUTCOME_KEYS_2019 = tuple(r.key for r in T3_ROWS_2019 if r.group)
# 表三's sums across rows, per column: the outcome rows add up to （七）总计 (T3_TOTAL_ROW), and T3_NOTE's
# 勾稽关系 — 第一项加第二项之和，等于第三项加第四项之和 (T3_BALANCE: 一 + 二 = （七） + 四)
T3_TOTAL_ROW = "total_processed"
T3_BALANCE = (("new_received", "carried_over"), ("total_processed", "carried_forward"))
# a 小计 column (the five organisations summed) some reports add to 表三: not a column of the format; where it
# stands is told by the organisations' own words, which a header cut into lines still prints whole
T3_SUBTOTAL = "小计"
T3_SUBTOTAL_KEY = "subtotal"  # its key while a row is read (a finding's path: requests.*.subtotal); never in a record
T3_ORG_HEADER_FRAGMENTS = ("商业", "科研", "公益", "法律服务")
T3_HEADER_WORDS = ("申请人情况", "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织",
                   "法律服务机构", "勾稽关系")

# ---- 表四 -------------------------------------------------------------------------------------
T4_COLUMNS: tuple[Label, ...] = (
    Label("upheld", "结果维持", ("维持",)),
    Label("corrected", "结果纠正", ("纠正",)),
    Label("other", "其他结果", ("其他结果",)),
    Label("pending", "尚未审结", ("尚未审结",), ("未审结",)),
    Label("total", "总计", ("总计",), ("合计",)),
)
T4_COLUMN_KEYS = tuple(c.key for c in T4_COLUMNS)
# the words that name each column where a header is cut into pieces (其他 / 结果, 尚未 / 审结 on two
# lines, one box each), in the columns' order: any one names its column; 合计 stands for 总计
T4_COLUMN_WORDS: tuple[tuple[str, ...], ...] = (("维持",), ("纠正",), ("其他",), ("尚未", "审结"), ("总计", "合计"))
T4_GROUPS: tuple[Label, ...] = (
    Label("review", "行政复议", ("行政复议",)),
    Label("litigation_direct", "未经复议直接起诉", ("直接起诉",), ("未经复议",)),
    Label("litigation_after_review", "复议后起诉", ("复议后起诉",)),
)
T4_GROUP_KEYS = tuple(g.key for g in T4_GROUPS)
T4_LITIGATION = "行政诉讼"  # the spanning header over 未经复议直接起诉 and 复议后起诉
T4_HEADER_WORDS = ("结果维持", "结果纠正", "尚未审结", T4_LITIGATION, "行政复议")
# header words also as the fragments a header wrapped one word per line leaves ("其他" / "结果")
T4_HEADER_FRAGMENTS = ("维持", "纠正", "审结", "尚未", "其他", "总计", "结果", "起诉", "复议", "诉讼")


# ---- 表二 -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActiveItem:
    key: str
    label: str
    keys: tuple[str, ...]
    article: str  # 第二十条第（N）项
    columns: tuple[Label, ...]  # value columns; () means a single value
    variants: tuple[str, ...] = ()
    decimal: bool = False  # a single value that is an amount (万元): 本年收费金额; columns say so of themselves

    def holds_decimal(self, column: str | None = None) -> bool:
        """The cell (``column`` of the item, None for a single value) is an amount (万元), not a count."""
        if not self.columns:
            return self.decimal
        return any(c.key == column and c.decimal for c in self.columns)


_DOC_COLS_2021 = (
    Label("issued", "本年制发件数", ("制发",)),
    Label("repealed", "本年废止件数", ("废止",), ("本年度止件数", "度止")),
    Label("in_force", "现行有效件数", ("现行有效",)),
)
_DECISIONS_2021 = (Label("decisions", "本年处理决定数量", ("处理决定",)),)
_FEE_2021 = (Label("amount", "本年收费金额（单位：万元）", ("收费金额",)),)

ACTIVE_2021: tuple[ActiveItem, ...] = (
    ActiveItem("regulations", "规章", ("规章",), "（一）", _DOC_COLS_2021),
    ActiveItem("normative_documents", "行政规范性文件", ("规范性文件",), "（一）", _DOC_COLS_2021,
               variants=("规范性文件",)),
    ActiveItem("licensing", "行政许可", ("行政许可",), "（五）", ()),
    ActiveItem("punishment", "行政处罚", ("行政处罚",), "（六）", ()),
    ActiveItem("coercion", "行政强制", ("行政强制",), "（六）", ()),
    ActiveItem("fees", "行政事业性收费", ("事业性收费",), "（八）", (), decimal=True),
)

_DOC_COLS_2019 = (
    Label("made", "本年新制作数量", ("新制作",)),
    Label("published", "本年新公开数量", ("新公开",)),
    Label("public_total", "对外公开总数量", ("对外公开总",)),
)
_ITEM_COLS_2019 = (
    Label("prev_items", "上一年项目数量", ("上一年",)),
    Label("change", "本年增/减", ("增",)),
    Label("decisions", "处理决定数量", ("处理决定",)),
)
ACTIVE_2019: tuple[ActiveItem, ...] = (
    ActiveItem("regulations", "规章", ("规章",), "（一）", _DOC_COLS_2019),
    ActiveItem("normative_documents", "规范性文件", ("规范性文件",), "（一）", _DOC_COLS_2019),
    ActiveItem("licensing", "行政许可", ("行政许可",), "（五）", _ITEM_COLS_2019),
    ActiveItem("other_services", "其他对外管理服务事项", ("对外管理服务",), "（五）", _ITEM_COLS_2019),
    ActiveItem("punishment", "行政处罚", ("行政处罚",), "（六）", _ITEM_COLS_2019),
    ActiveItem("coercion", "行政强制", ("行政强制",), "（六）", _ITEM_COLS_2019),
    ActiveItem("fees", "行政事业性收费", ("事业性收费",), "（八）", _ITEM_COLS_2019[:2]),
    ActiveItem("procurement", "政府集中采购", ("集中采购",), "（九）",
               (Label("projects", "采购项目数量", ("项目数量",)),
                Label("amount", "采购总金额", ("总金额",), decimal=True))),
)
ACTIVE_HEADER_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购",
                      "采购项目数量", "第二十条第(九)项")
ACTIVE_HEADER_2021 = ("制发件数", "废止件数", "现行有效", "本年处理决定")

# What render writes besides the row and column labels above: 表二's item header and article rows,
# the column a 2021 single-value item names in its header row, 表三's and 表四's spanning headers.
T2_ITEM_HEADER = "信息内容"
T2_ARTICLE = "第二十条第{}项"
ACTIVE_VALUE_COLUMN_2021: dict[str, Label] = {
    "licensing": _DECISIONS_2021[0], "punishment": _DECISIONS_2021[0], "coercion": _DECISIONS_2021[0],
    "fees": _FEE_2021[0],
}
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"


T3_ROW_BY_KEY: dict[str, Label] = {r.key: r for r in (*T3_ROWS_2021, T3_OTHER_TOTAL)}


@dataclass(frozen=True)
class Table:
    key: str  # the record's key: active / requests / appeals
    name: str  # 表二
    number: str  # 二
    section: str  # the id of the section that holds it


TABLES: tuple[Table, ...] = (
    Table("active", "表二", "二", "s2_active"),
    Table("requests", "表三", "三", "s3_requests"),
    Table("appeals", "表四", "四", "s4_appeals"),
)

# The two national formats: the document that issued each and the name of the format it issued.
FORMAT_DOCUMENTS = {"2021": "国办公开办函〔2021〕30号", "2019": "国办公开办函〔2019〕60号"}
FORMAT_NAMES = {"2021": "中华人民共和国政府信息公开工作年度报告格式",
                "2019": "中华人民共和国政府信息公开工作年度报告格式（试行）"}
# Record format ids (meta.format) beside the two national formats: before 2019 reports had no national
# tables (pre2019); a report whose year and tables are both unknown is "unknown".
PRE2019 = "pre2019"
UNKNOWN = "unknown"

# Severity names of findings as users read them.
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

TITLE_PHRASE = "政府信息公开工作年度报告"
INTERPRETATION_WORDS = ("文字解读", "图解", "解读", "一图读懂", "图说")
