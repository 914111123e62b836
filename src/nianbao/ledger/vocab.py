"""The ledger's own words, as data: column headers, applicant types, outcomes, yes/no, statuses.

Everything a ledger reader matches or a template writes is here, so an office's export with other
wording is supported by adding a phrase, not code. 表三's columns and outcome rows themselves come
from the format (``nianbao.format``): the applicant types are its columns, the outcomes its rows;
this module only adds the abbreviations offices type for them.

Matching is on ``format.core`` (NFKC, no spaces, numbering and punctuation removed); the longest
phrase found wins, so 补正收到日期 is not 收到日期 and 延期日期 is not 延期.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as the template writes it
    phrases: tuple[str, ...]  # header words that name this column in real exports
    hint: str = ""  # the template's comment on the header
    width: int = 14
    kind: str = "text"  # text | date | choice


COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", ("编号", "申请编号", "序号", "流水号", "登记号", "受理号", "申请号"),
           "每件申请一个编号，不重复", 12),
    Column("applicant", "申请人类型", ("申请人类型", "申请人类别", "申请主体类型", "申请主体", "申请人性质",
                                  "申请人身份", "主体类型"),
           "自然人，或法人或其他组织的类别（与表三各列一致）", 16, "choice"),
    Column("received", "收到日期", ("收到日期", "收到申请日期", "收件日期", "申请日期", "受理日期", "登记日期",
                                "申请时间", "收到时间", "受理时间", "接收日期"),
           "收到申请之日（当面提交为提交之日，邮寄为签收之日，网络为确认收到之日）", 12, "date"),
    Column("channel", "申请方式", ("申请方式", "申请渠道", "提交方式", "申请途径"), "当面、邮寄、网络、传真等", 10),
    Column("correction_sent", "补正通知日期", ("补正通知日期", "补正通知", "告知补正", "通知补正", "补正告知"),
           "一次性告知补正之日；不需补正的留空", 13, "date"),
    Column("correction_received", "补正收到日期", ("补正收到日期", "补正收到", "收到补正", "补正材料收到", "补正完成",
                                        "补正日期"),
           "收到补正材料之日：答复期限从这一天重新计算", 13, "date"),
    Column("extended", "是否延期", ("是否延期", "延期", "延长答复期限", "延长期限"), "是 / 否；延期最长 20 个工作日", 9,
           "choice"),
    Column("extension_date", "延期告知日期", ("延期告知日期", "延期日期", "延期告知", "延期通知", "延长告知"),
           "告知申请人延期之日", 13, "date"),
    Column("third_party_start", "征求意见开始日期", ("征求意见开始日期", "征求意见开始", "征求第三方意见开始",
                                           "第三方意见开始", "征求意见日期", "征求第三方意见日期", "书面征求意见"),
           "向第三方或其他机关发出征求意见之日", 15, "date"),
    Column("third_party_end", "征求意见结束日期", ("征求意见结束日期", "征求意见结束", "征求第三方意见结束",
                                         "第三方意见结束", "第三方答复日期", "收到第三方意见", "意见反馈日期"),
           "收到意见或意见期限届满之日：其间不计入答复期限", 15, "date"),
    Column("third_party_range", "征求意见起止日期", ("征求意见起止日期", "征求意见起止", "征求第三方意见起止",
                                           "第三方意见起止"),
           "", 22),
    Column("outcome", "办理结果", ("办理结果", "处理结果", "答复结果", "答复类型", "办理结果类型", "答复情况",
                               "处理情况", "答复意见类型"),
           "表三“三、本年度办理结果”中的一项", 34, "choice"),
    Column("replied", "答复日期", ("答复日期", "办结日期", "答复时间", "办结时间", "出具答复日期", "送达日期",
                               "告知日期", "办理完成日期"),
           "出具答复（办结）之日；未办结的留空", 12, "date"),
    Column("note", "备注", ("备注", "说明"), "", 20),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
# The template's columns (third_party_range is only read: some systems export 起止 in one cell).
TEMPLATE_KEYS = tuple(c.key for c in COLUMNS if c.key != "third_party_range")
REQUIRED = ("applicant", "received")
SHEET = "台账"
LISTS_SHEET = "选项"
TITLE = "政府信息公开申请办理台账"

# Applicant types: abbreviations offices type, by 表三 column key (the format's own labels match too).
APPLICANT_WORDS: dict[str, tuple[str, ...]] = {
    "natural_person": ("自然人", "个人", "公民", "群众", "居民", "村民", "个体"),
    "commercial": ("商业企业", "企业", "公司", "商业", "厂", "个体工商户", "合作社"),
    "research": ("科研机构", "科研", "研究院", "研究所", "高校", "大学", "学院"),
    "social_welfare": ("社会公益组织", "公益组织", "公益", "社会组织", "基金会", "协会"),
    "legal_service": ("法律服务机构", "法律服务", "律师事务所", "律所", "法律援助"),
    "other_org": ("其他组织", "其他", "其它", "法人或其他组织其他", "机关", "事业单位"),
}

# Outcomes: the format's outcome row labels match by their identifying phrases; these add the
# abbreviations and system wordings seen, by 表三 row key. "不予公开" alone names no row (which of the
# eight?) and stays unknown, listed for the clerk.
OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "granted": ("予以公开", "全部公开", "同意公开", "公开", "已公开", "主动公开已公开"),
    "partially_granted": ("部分公开", "区分处理"),
    "denied_state_secret": ("国家秘密", "涉密"),
    "denied_prohibited": ("法律行政法规禁止公开", "禁止公开"),
    "denied_three_safeties": ("三安全一稳定", "危及三安全", "三安全"),
    "denied_third_party": ("第三方合法权益", "保护第三方", "商业秘密", "个人隐私"),
    "denied_internal": ("内部事务",),
    "denied_process": ("过程性信息", "过程性"),
    "denied_enforcement": ("行政执法案卷", "执法案卷"),
    "denied_query": ("行政查询事项", "查询事项", "行政查询"),
    "unavailable_not_held": ("本机关不掌握", "不掌握", "信息不存在", "不存在", "未制作", "未获取"),
    "unavailable_need_creation": ("需要另行制作", "另行制作", "没有现成信息", "需另行加工"),
    "unavailable_unclear": ("补正后申请内容仍不明确", "仍不明确", "内容不明确"),
    "declined_petition": ("信访举报投诉", "信访", "举报投诉", "投诉举报"),
    "declined_duplicate": ("重复申请",),
    "declined_publication": ("公开出版物", "出版物"),
    "declined_mass": ("无正当理由大量反复申请", "大量反复", "反复申请"),
    "declined_confirmation": ("确认或重新出具", "重新出具", "已获取信息"),
    "other_no_supplement": ("逾期不补正", "不补正", "未补正"),
    "other_fee_unpaid": ("未按收费通知", "缴纳费用", "未缴费", "逾期未缴纳"),
    "other_other": ("其他处理其他", "撤回申请", "申请人撤回", "撤回", "其他", "其它"),
}
# Wordings that name no single row (which of the eight 不予公开?); a row phrase must be at least as long to win.
# The format's group labels (不予公开, 无法提供, 不予处理, 其他处理) are added by the reader.
OUTCOME_VAGUE = ("不公开", "未公开", "不予受理", "驳回")
APPLICANT_VAGUE = ("法人或其他组织", "法人", "单位")
# The 2019 format has one （六）其他处理 row.
OUTCOME_2019 = {"other_no_supplement": "other_total", "other_fee_unpaid": "other_total", "other_other": "other_total"}

YES = ("是", "有", "已延期", "延期", "y", "yes", "true", "1", "√", "✓")
NO = ("否", "无", "不延期", "未延期", "n", "no", "false", "0", "×", "-", "—", "/")

# Deadline statuses (the XLSX listing and --json use these words).
ON_TIME = "按期"
LATE = "逾期"
DUE_SOON = "未办结且即将到期"
OPEN = "未办结"
OPEN_LATE = "未办结且已逾期"
PAUSED = "期限中止"  # 待补正, or 征求意见 without an end date
NOT_COUNTED = "未补正，不计期限"
UNKNOWN = "无法计算"
DUE_SOON_DAYS = 5  # working days left
STATUTORY_DAYS = 20  # 《条例》第三十三条
EXTENSION_DAYS = 20
