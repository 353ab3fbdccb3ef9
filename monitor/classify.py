"""Which checklist items does a title evidence? Rules over the item keywords of checklist.md. Pure.

A title evidences an item when one of the item's patterns matches and nothing rules it out:
- items that are policy documents (规章制度, 学籍管理办法…) need a policy word (办法, 规定, 细则…);
- news headlines (我校召开…, …隆重举行, …喜获佳绩) evidence nothing; a "关于…的通知/公告/公示/决定" is a document, not news;
- for admissions and annual reports, a title naming another school (某某大学2026年招生章程) is not ours;
- 规章制度 (item 2) is the fall-back for the school's own rules that no specific item claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

P = r"(?:办法|规定|条例|细则|制度|方案|规程|规则|章程|意见|指南|须知|流程|机制|决定|标准)"
GRADUATE = r"研究生|硕士|博士"  # graduate admissions are items 11-14, not 7-10
_JOB_FAIR = r"招聘会|双选会|供需见面会|校园招聘|专场招聘|招聘宣讲"

# item -> (include pattern, exclude pattern or None)
RULES: dict[int, tuple[str, str | None]] = {
    1: (
        r"学校简介|学院简介|学校概况|学院概况|基本情况|办学规模|在校生规模|领导班子|领导.{0,8}分工|机构设置|内设机构|组织机构"
        r"|现任领导|^(?:学校|学院|校|院)领导$",
        None,
    ),
    3: (r"教职工代表大会|教代会|双代会", None),
    4: (r"学术委员会", None),
    5: (r"发展规划|事业规划|[十]{1}[四五六]五.{0,4}规划|“十[四五六]五”|工作要点|工作计划|重点工作", r"征集|编制工作"),
    6: (r"信息公开.{0,6}报告", None),
    7: (r"招生章程|招生计划|招生简章", GRADUATE),
    8: (
        r"单独招生|单招|分类考试|提前招生|特殊类型招生|技能拔尖|免试入学|高水平运动员|艺术特长生|保送|自主招生|自主选拔",
        GRADUATE,
    ),
    9: (r"录取(?:分数|最低分|结果|查询|人数|通知书|情况|名单)|分数线|最低分", GRADUATE),
    10: (r"招生.{0,4}(?:咨询|监督|举报|申诉)|考生申诉|新生.{0,6}复查|入学资格复查|举报受理", GRADUATE),
    11: (  # 复试录取办法 as schools title it: 复试录取工作方案, 复试及录取实施细则, 复试工作办法
        r"(?:研究生|硕士|博士).{0,12}(?:招生简章|招生专业目录|专业目录|招生计划|复试.{0,6}(?:办法|方案|细则))"
        r"|招收研究生人数",
        r"拟录取|成绩|名单",
    ),
    12: (r"(?:研究生|硕士|博士).{0,8}复试.{0,4}(?:成绩|名单)", None),
    13: (r"拟录取.{0,4}(?:研究生|硕士|博士)|(?:研究生|硕士|博士).{0,8}拟录取", None),
    14: (r"研究生.{0,6}(?:咨询|申诉)", None),
    15: (
        r"财务.{0,4}" + P + r"|报销|资产管理|固定资产|(?:经费|差旅费|会议费|培训费|劳务费|公务接待).{0,6}" + P,
        r"国有资产保值",
    ),
    16: (r"捐赠|基金会", None),
    17: (r"校办企业|国有资产保值增值", None),
    18: (
        r"招标|投标|中标|成交|比选|询价|竞争性(?:磋商|谈判)|废标|流标|采购.{0,8}(?:公告|公示|结果)"
        r"|供应商.{0,6}(?:遴选|入围|确定)",
        r"代理机构遴选",
    ),
    # a 决算 title names the budget only as its execution (决算（含预算执行情况）); 预算决算, 预决算 name both items
    19: (r"预算|预决算", r"^(?!.*(?:预算(?!执行)|预决算)).*决算|编制工作|绩效管理"),
    20: (r"决算", None),
    21: (r"收费|学费|住宿费", r"学费减免"),
    22: (r"兼职", None),
    23: (r"因公出国|出国（境）|出国\(境\)|出访|因公出境", None),
    24: (r"岗位设置|岗位聘用|聘用办法|聘任办法", None),
    # a job fair for graduates (校园招聘会, 双选会) is an event for students, not the school's own hiring
    25: (r"任前公示|任免|任职|免职|招聘|人才引进|拟聘|聘用人员", _JOB_FAIR),
    26: (r"争议|教职工.{0,4}申诉", None),
    27: (r"在校生人数|师资结构|教师数量|专任教师|生师比|(?:师资|教师)队伍(?:结构|情况|基本情况)", None),
    28: (r"专业设置|新增专业|停招|专业备案|停止招生的专业|(?:停止|暂停).{0,12}专业.{0,4}招生", None),
    29: (r"开设课程|课程总门数|实践教学学分|选修课学分", None),
    30: (r"教授.{0,4}授课|主讲本科课程", None),
    31: (
        r"就业(?:政策|指导|服务|创业服务)|促进.{0,6}就业|就业创业服务|就业(?:创业)?工作.{0,4}(?:方案|意见|措施)",
        r"就业指导中心",
    ),
    32: (r"就业率|就业流向|就业去向|就业情况统计|毕业生规模|就业情况", r"报告"),
    33: (r"就业质量.{0,6}报告", None),
    34: (r"教学质量报告|质量年度报告|质量年报|人才培养质量报告", r"就业质量"),
    35: (r"艺术教育.{0,8}报告", None),
    36: (r"学籍.{0,6}" + P, None),
    37: (r"奖学金|助学金|学费减免|助学贷款|勤工俭学|勤工助学|资助|家庭经济困难|绿色通道", None),
    38: (r"(?:奖励|处分|奖惩|违纪).{0,6}(?:" + P[3:-1] + r"|处理办法)|处分的决定", None),
    39: (r"学生申诉", None),
    40: (r"学风建设.{0,6}(?:机构|领导小组|委员会|方案|办法|实施)", None),
    41: (r"学术规范|学术道德", None),
    42: (r"学术不端.{0,8}(?:办法|处理|查处|调查|意见|结论|机制)", None),
    43: (r"学位授予|授予.{0,4}学位|学位.{0,6}基本要求", None),
    44: (r"同等学力", None),
    45: (r"授权(?:点|学科).{0,6}审核|审核办法.{0,4}授权", None),
    46: (r"授权点.{0,6}(?:申报|论证)", None),
    47: (r"中外合作办学|合作办学项目", None),
    48: (r"(?:留学生|国际学生).{0,8}(?:" + P[3:-1] + r"|管理)", None),
    49: (r"(?:巡视|巡察).{0,12}(?:整改|反馈)", r"动员|进驻"),
    50: (
        r"应急预案|应急处置预案|突发.{0,8}(?:事件|预案)|预警信息|调查处理情况"  # a weather or disaster warning:
        r"|(?:台风|暴雨|暴雪|寒潮|大风|高温|雷电|冰冻|雨雪|地震|洪水|汛期|防汛|地质灾害).{0,10}(?:预警|防范|防御)",
        None,
    ),
}
POLICY_ITEMS = {2, 15, 24, 26, 36, 38, 41}  # items that are policy documents (规范 counts as a policy word)
GENERIC_RULES = re.compile(r"章程|规章制度|制度汇编|管理制度|" + P)
# not a rule of the school's: another body's, a call for drafts, or the disclosure system's own documents
NOT_OWN_RULES = re.compile(r"转发|教育部|教育厅|国务院|省政府|征集|建议|信息公开(?:指南|目录)")
# a document, not news, however its words read (关于举办…的通知; 公务接待管理办法, 学生参加校外活动管理规定)
DOCUMENT = re.compile(
    r"^关于.*(?:通知|公告|决定|通报|公示|意见|批复|报告)$|(?:办法|规定|条例|细则|规程|规则|章程)(?:（[^）]{0,20}）)?$"
)
NEWS = re.compile(
    r"召开|举行|举办|开展|参加|组织|赴|调研|座谈|研讨|培训|慰问|走访|荣获|喜获|获评|获得|佳绩|开幕|启动|签署|签订|进驻|"
    r"接待|位居|名列|前列|典礼|活动|演练|讲座|交流学习|宣传周|维护"
)
OWN_SCHOOL_ITEMS = {6, 7, 8, 9, 10, 11, 12, 13, 14, 33, 34, 35}
SCHOOL_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:大学|学院|学校)")
GENERIC_SCHOOL_WORDS = {"二级学院", "本学院", "高等学校", "职业院校", "中职学校"}
COMPILED = {i: (re.compile(inc), re.compile(exc) if exc else None) for i, (inc, exc) in RULES.items()}


@dataclass(frozen=True)
class Match:
    item: int
    reason: str  # the words matched


def _is_news(title: str) -> bool:
    return not DOCUMENT.search(title) and bool(NEWS.search(title))


_OWN_OR_EACH_RE = re.compile(r"^[本我各]|[各本我全该](?:大学|学院|学校)$")


def _other_school(title: str, site_name: str) -> bool:
    for name in SCHOOL_RE.findall(title):
        if name.endswith(tuple(GENERIC_SCHOOL_WORDS)) or _OWN_OR_EACH_RE.search(name):
            continue  # 各学院, 本校, 我院 (2026年各学院…: the match starts at 年)
        if not site_name or (name not in site_name and site_name not in name):
            return True
    return False


ANY = re.compile("|".join(f"(?:{inc})" for inc, _ in RULES.values()) + "|" + GENERIC_RULES.pattern)


def classify(title: str, site_name: str = "", only: frozenset[int] | set[int] | None = None) -> list[Match]:
    """The checklist items a title (of an entry or a column) evidences, with the words matched.

    ``only`` limits the answer to those items (and saves the work for the others).
    """
    title = " ".join(title.split())
    if not title or not ANY.search(title) or _is_news(title):
        return []
    other = bool(site_name) and _other_school(title, site_name)
    found: list[Match] = []
    for item, (include, exclude) in COMPILED.items():
        if only is not None and item not in only:
            continue
        m = include.search(title)
        if not m or (exclude and exclude.search(title)):
            continue
        if item in OWN_SCHOOL_ITEMS and other:
            continue
        if item in POLICY_ITEMS and not re.search(P + "|规范", title):
            continue
        found.append(Match(item, m.group(0)))
    if not found and (only is None or 2 in only):
        m = GENERIC_RULES.search(title)
        if m and not NOT_OWN_RULES.search(title) and not (site_name and _other_school(title, site_name)):
            found.append(Match(2, m.group(0)))
    return found


@lru_cache(maxsize=20_000)  # titles recur run after run in the daemon; the bound caps the memory
def _items_cached(title: str, site_name: str, only: frozenset[int] | None) -> frozenset[int]:
    return frozenset(m.item for m in classify(title, site_name, only))


def items_for(title: str, site_name: str = "", only: frozenset[int] | set[int] | None = None) -> frozenset[int]:
    return _items_cached(title, site_name, frozenset(only) if only is not None else None)
