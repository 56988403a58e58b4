"""block_findings: numbers, terms, untranslated text and Markdown of one translated block pair."""

from scripts.check import block_findings

from conftest import en, zh


def rules(findings):
    return [f.rule for f in findings]


def test_correct_translation_has_no_findings(glossary):
    source = zh("到2025年，地区生产总值突破1700亿，人均生产总值突破12万元，进入前40强，数字经济占15%。")
    english = en(
        "By 2025, GDP will exceed 170 billion yuan and per capita GDP 120,000 yuan, "
        "entering the top 40; the digital economy will reach 15%.",
        source,
    )
    assert block_findings(source, english, glossary) == []


def test_untranslated_block_is_not_checked(glossary):
    source = zh("地区生产总值突破1700亿。")
    assert block_findings(source, en(source.text, source, status="untranslated"), glossary) == []


def test_wrong_magnitude_is_a_numbers_error():
    source = zh("地区生产总值突破1700亿，人均生产总值超过9.3万元。")
    findings = block_findings(source, en("GDP will exceed 1,700 billion yuan and per capita GDP 93,000 yuan.", source), None)
    assert rules(findings) == ["numbers"]
    assert "1700亿 (170 billion)" in findings[0].message
    assert findings[0].severity == "error" and findings[0].line == 20


def test_chinese_numerals_in_quantity_patterns_are_checked():
    source = zh("“十四五”时期，实施五大提升行动，到二〇三五年基本实现现代化，位居第三。")
    good = en("In the 14th Five-Year Plan period, carry out five upgrading campaigns; by 2035 achieve modernization, ranking third.", source)
    assert block_findings(source, good, None) == []
    bad = en("In the plan period, carry out upgrading campaigns; by 2035 achieve modernization, ranking third.", source)
    assert [f.message.split()[0] for f in block_findings(source, bad, None)] == ["十四五", "五大"]


def test_numerals_inside_words_are_not_figures():
    source = zh("推进一体化，建设一批项目，共建“一带一路”，R&D经费投入实现翻番。")
    english = en("Advance integration, build a number of projects, join the Belt and Road, and double R&D spending.", source)
    assert block_findings(source, english, None) == []


def test_missing_glossary_term_is_a_terms_error(glossary):
    source = zh("忠实践行“八八战略”。")
    findings = block_findings(source, en("Faithfully implement the strategy.", source), glossary)
    assert rules(findings) == ["terms"] and "Eight-Eight Strategy" in findings[0].message


def test_admitted_alternative_plural_and_case_are_accepted(glossary):
    source = zh("发展数字经济，践行八八战略。")
    english = en("Develop Digital Economies and implement the “Double-Eight Strategy”.", source)
    assert block_findings(source, english, glossary) == []


def test_deprecated_rendering_is_a_terms_error(glossary):
    source = zh("践行八八战略。")
    findings = block_findings(source, en("Implement the Eight-Eight Strategy (the 8-8 strategy).", source), glossary)
    assert rules(findings) == ["terms"] and "deprecated" in findings[0].message


def test_chinese_left_in_english_is_an_untranslated_error():
    source = zh("建设未来社区。")
    findings = block_findings(source, en("Build future communities（未来社区）.", source), None)
    assert rules(findings) == ["untranslated"]
    assert "（未来社区）" in findings[0].message


def test_translator_note_reference_is_not_chinese_or_a_number():
    source = zh("建设未来社区。")
    assert block_findings(source, en("Build future communities.[^tn-art-6]", source), None) == []


def test_markdown_rules():
    source = zh("建设未来社区。")
    english = en("Build (future communities and and “model\nvillages.  Then [more].", source)
    findings = block_findings(source, english, None)
    messages = {(f.rule, f.severity, f.line, f.message) for f in findings}
    assert messages == {
        ("markdown", "error", 20, "unbalanced '('"),
        ("markdown", "error", 20, "unbalanced '“'"),
        ("markdown", "error", 20, "doubled word 'and and'"),
        ("markdown", "warning", 21, "double space inside a sentence"),
    }


def test_odd_straight_quotes_are_a_markdown_error():
    source = zh("建设未来社区。")
    findings = block_findings(source, en('Build "future communities.', source), None)
    assert rules(findings) == ["markdown"]
