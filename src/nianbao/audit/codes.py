"""The one table that maps rule codes to rules. Codes are stable: never renumber or reuse one.

Each entry names a module under ``nianbao.audit.rules`` (``<code>_<defect>``) and its Rule class.
"""

from __future__ import annotations

from importlib import import_module

from .base import Rule

CODES: dict[str, str] = {
    # S — structure and version
    "S-01": "s_01_section_missing:SectionMissing",
    "S-02": "s_02_table_missing:TableMissing",
    "S-03": "s_03_format_mismatch:FormatMismatch",
    "S-04": "s_04_interpretation_only:InterpretationOnly",
    "S-05": "s_05_title_incomplete:TitleIncomplete",
    "S-06": "s_06_period_wrong:PeriodWrong",
    "S-07": "s_07_parts_not_six:PartsNotSix",
    # T2 — 表二
    "T2-01": "t2_01_active_invalid_number:ActiveInvalidNumber",
    "T2-02": "t2_02_fee_unit_wrong:FeeUnitWrong",
    "T2-03": "t2_03_active_blank_cell:ActiveBlankCell",
    "T2-04": "t2_04_in_force_below_issued:InForceBelowIssued",
    "T2-05": "t2_05_in_force_not_carried:InForceNotCarried",
    # T3 — 表三
    "T3-01": "t3_01_identity_broken:IdentityBroken",
    "T3-02": "t3_02_outcome_total_wrong:OutcomeTotalWrong",
    "T3-03": "t3_03_row_total_wrong:RowTotalWrong",
    "T3-04": "t3_04_requests_invalid_number:RequestsInvalidNumber",
    "T3-05": "t3_05_requests_blank_cell:RequestsBlankCell",
    "T3-06": "t3_06_carry_over_mismatch:CarryOverMismatch",
    "T3-07": "t3_07_fee_unpaid_without_fee:FeeUnpaidWithoutFee",
    "T3-08": "t3_08_rows_not_in_format:RowsNotInFormat",
    # T4 — 表四
    "T4-01": "t4_01_appeal_total_wrong:AppealTotalWrong",
    "T4-02": "t4_02_appeals_invalid_number:AppealsInvalidNumber",
    "T4-03": "t4_03_appeals_blank_cell:AppealsBlankCell",
    # X — text against tables
    "X-01": "x_01_received_text_mismatch:ReceivedTextMismatch",
    "X-02": "x_02_none_received_contradicted:NoneReceivedContradicted",
    "X-03": "x_03_appeals_text_mismatch:AppealsTextMismatch",
    "X-04": "x_04_normative_text_mismatch:NormativeTextMismatch",
    "X-05": "x_05_outcome_text_mismatch:OutcomeTextMismatch",
    "X-06": "x_06_figure_restated_differently:FigureRestatedDifferently",
    "X-07": "x_07_year_inconsistent:YearInconsistent",
    # P — publication
    "P-01": "p_01_department_late:DepartmentLate",
    "P-02": "p_02_government_late:GovernmentLate",
    "P-03": "p_03_old_regulation_late:OldRegulationLate",
    "P-04": "p_04_date_missing:DateMissing",
    # C — content
    "C-01": "c_01_assessment_missing:AssessmentMissing",
    "C-03": "c_03_near_duplicate:NearDuplicate",
    "C-04": "c_04_problems_empty:ProblemsEmpty",
    "C-05": "c_05_fee_silent:FeeSilent",
    "C-07": "c_07_foreign_text:ForeignText",
    # L — labels
    "L-01": "l_01_label_variant:LabelVariant",
    "L-02": "l_02_cells_repaired:CellsRepaired",
    "L-03": "l_03_table_not_unique:TableNotUnique",
    "L-04": "l_04_value_out_of_range:ValueOutOfRange",
    # D — against the 依申请 ledger (台账) of the same unit and year
    "D-01": "d_01_ledger_mismatch:LedgerMismatch",
    "D-02": "d_02_reply_late:ReplyLate",
}

_loaded: dict[str, type[Rule]] = {}


def rule_class(code: str) -> type[Rule]:
    if code not in _loaded:
        module, cls = CODES[code].split(":")
        _loaded[code] = getattr(import_module(f"nianbao.audit.rules.{module}"), cls)
    return _loaded[code]


def available() -> list[str]:
    """Every code, in catalogue order (each names a module that exists: tests/test_audit_rules.py)."""
    return list(CODES)


def all_rules() -> list[type[Rule]]:
    return [rule_class(c) for c in available()]
