//! The message catalog's words for Glance values, durations, lists and plurals, in both
//! languages (issue 13).

use glance_share::i18n::{Locale, EN, ZH};

#[test]
fn glance_values_are_words_in_both_languages() {
    assert_eq!(EN.image_status_label("active"), "Active");
    assert_eq!(ZH.image_status_label("active"), "可用");
    assert_eq!(ZH.image_status_label("deactivated"), "已取消激活");
    assert_eq!(ZH.image_status_label("pending_delete"), "等待删除");
    assert_eq!(EN.image_status_label("pending_delete"), "Pending delete");
    // A status Glance adds later is shown as it is, never dropped.
    assert_eq!(ZH.image_status_label("new_state"), "new state");
    assert_eq!(EN.visibility_label_of("shared"), "Shared");
    assert_eq!(ZH.visibility_label_of("public"), "公有");
    assert_eq!(ZH.visibility_label_of("community"), "社区");
    assert_eq!(EN.member_status_label("pending"), "Pending");
    assert_eq!(ZH.member_status_label("pending"), "待接受");
    assert_eq!(ZH.member_status_label("accepted"), "已接受");
    for raw in [
        "active",
        "queued",
        "saving",
        "uploading",
        "importing",
        "deactivated",
        "killed",
        "deleted",
        "pending_delete",
    ] {
        for t in [&EN, &ZH] {
            assert!((t.image_status)(raw).is_some(), "{raw} has words");
        }
    }
}

#[test]
fn a_status_with_no_words_is_shown_as_glance_wrote_it_or_said_to_be_unknown() {
    // Missing, or not a string in the answer (the lenient decoder's empty status): never a
    // blank badge, which a screen reader reads as nothing.
    for blank in ["", " ", "\t\n"] {
        assert_eq!(EN.member_status_label(blank), "Unknown status");
        assert_eq!(ZH.member_status_label(blank), "未知状态");
        assert_eq!(EN.image_status_label(blank), "Unknown status");
        assert_eq!(ZH.image_status_label(blank), "未知状态");
    }
    // A status Glance adds later is its own text (escaped by the view like any text).
    assert_eq!(ZH.member_status_label("suspended"), "suspended");
    assert_eq!(EN.member_status_label("a \"b\" <i>"), "a \"b\" <i>");
    // Case matters to Glance: not one of its values.
    assert_eq!(EN.member_status_label("Accepted"), "Accepted");
    assert_eq!(EN.image_status_label("_"), "Unknown status");
}

#[test]
fn a_visibility_with_no_words_is_shown_as_glance_wrote_it_or_said_to_be_unknown() {
    // The lenient decoder's value for a missing or non-string visibility: never an empty
    // label in the catalog row or on the detail page.
    for blank in ["", " ", "\t\n"] {
        assert_eq!(EN.visibility_label_of(blank), "Unknown visibility");
        assert_eq!(ZH.visibility_label_of(blank), "未知可见性");
    }
    // A value Glance adds later (or a filter typed into the address) is its own text.
    assert_eq!(ZH.visibility_label_of("all"), "all");
    assert_eq!(EN.visibility_label_of("a \"b\" <i>"), "a \"b\" <i>");
    assert_eq!(EN.visibility_label_of("Public"), "Public");
    for raw in ["private", "shared", "community", "public"] {
        for t in [&EN, &ZH] {
            assert!((t.visibility)(raw).is_some(), "{raw} has words");
        }
    }
}

#[test]
fn an_answer_is_announced_as_glance_answered_it() {
    use glance_share::i18n::answer_text;
    use glance_share::model::MemberStatus as S;
    let other = |s: &str| S::Other(s.into());
    // Glance holds what was asked for: the change.
    assert_eq!(
        answer_text(&EN, "cirros", &S::Accepted, &S::Accepted),
        "You accepted the image cirros."
    );
    assert_eq!(
        answer_text(&ZH, "cirros", &S::Rejected, &S::Rejected),
        "您已拒绝镜像 cirros。"
    );
    assert_eq!(
        answer_text(&EN, "cirros", &S::Pending, &S::Pending),
        "The image cirros is pending again."
    );
    // A 200 with another status: what Glance holds, and that it is not what was asked for.
    assert_eq!(
        answer_text(&EN, "cirros", &S::Accepted, &S::Pending),
        "cirros: Glance answered that this project's answer is now “Pending”, not “Accepted”."
    );
    assert_eq!(
        answer_text(&ZH, "cirros", &S::Accepted, &S::Pending),
        "cirros：Glance 的应答称本项目的答复现为“待接受”，而不是“已接受”。"
    );
    assert_eq!(
        answer_text(&ZH, "cirros", &S::Pending, &S::Rejected),
        "cirros：Glance 的应答称本项目的答复现为“已拒绝”，而不是“待接受”。"
    );
    // Blank (missing or not a string) and unknown statuses: said, never "pending again".
    assert_eq!(
        answer_text(&EN, "cirros", &S::Rejected, &other("")),
        "cirros: Glance answered that this project's answer is now “Unknown status”, not “Rejected”."
    );
    assert_eq!(
        answer_text(&ZH, "cirros", &S::Accepted, &other(" ")),
        "cirros：Glance 的应答称本项目的答复现为“未知状态”，而不是“已接受”。"
    );
    assert_eq!(
        answer_text(&EN, "cirros", &S::Pending, &other("suspended")),
        "cirros: Glance answered that this project's answer is now “suspended”, not “Pending”."
    );
    for (asked, answered) in [
        (S::Accepted, other("")),
        (S::Pending, other("")),
        (S::Pending, S::Accepted),
        (S::Rejected, S::Pending),
    ] {
        for t in [&EN, &ZH] {
            let text = answer_text(t, "x", &asked, &answered);
            assert_ne!(
                text,
                t.answered_pending.fill(&[&"x"]),
                "{asked:?} → {answered:?}"
            );
            assert_ne!(
                text,
                t.answered_accepted.fill(&[&"x"]),
                "{asked:?} → {answered:?}"
            );
            assert_ne!(
                text,
                t.answered_rejected.fill(&[&"x"]),
                "{asked:?} → {answered:?}"
            );
        }
    }
}

#[test]
fn a_member_status_names_a_css_class_only_when_known() {
    use glance_share::model::MemberStatus;
    let class = |raw: &str| {
        MemberStatus::from(raw.to_string())
            .class_modifier()
            .to_string()
    };
    assert_eq!(class("pending"), "pending");
    assert_eq!(class("accepted"), "accepted");
    assert_eq!(class("rejected"), "rejected");
    // Glance's unknown text never reaches a class list: a space would add a class of its
    // choice ("x member-status--accepted"), a quote would break it.
    for odd in [
        "",
        " ",
        "x member-status--accepted",
        "a\"b",
        "Accepted",
        "suspended",
    ] {
        assert_eq!(class(odd), "other", "{odd:?}");
    }
    assert_eq!(MemberStatus::default().class_modifier(), "other");
}

#[test]
fn durations_use_the_language_s_units() {
    assert_eq!((ZH.duration)(7500), "2 小时 5 分钟");
    assert_eq!((ZH.duration)(300), "5 分钟");
    assert_eq!((ZH.duration)(45), "45 秒");
    assert_eq!((EN.duration)(7500), "2 h 5 min");
    assert_eq!(
        ZH.session_expires_in.fill(&[&&(ZH.duration)(7500)]),
        "您的会话将在 2 小时 5 分钟后过期。"
    );
}

#[test]
fn lists_and_plurals_read_naturally() {
    let two = vec!["a".to_string(), "b".to_string()];
    let one = vec!["a".to_string()];
    assert!((EN.confirm_delete_many)(&two).starts_with("Delete 2 images? "));
    assert!((EN.confirm_delete_many)(&two).contains("a, b"));
    assert!((EN.confirm_delete_many)(&one).starts_with("Delete the image a?"));
    assert!((ZH.confirm_delete_many)(&two).starts_with("要删除 2 个镜像吗？"));
    assert!((ZH.confirm_delete_many)(&two).contains("a、b"));
    assert!((EN.confirm_remove)(&two).starts_with("Remove 2 projects from this image?"));
    assert!((ZH.confirm_remove)(&two).contains("a、b"));
    assert_eq!(EN.images_shown.fill(1, &[&1]), "1 image shown");
    assert_eq!(
        EN.confirm_accept_all.fill(1, &[&1]),
        "Accept the invitation on this page?"
    );
    assert_eq!(
        ZH.confirm_accept_all.fill(3, &[&3]),
        "要接受本页全部 3 个邀请吗？"
    );
}

#[test]
fn a_removal_question_names_its_members_ten_at_most() {
    let pair = |p: &str, i: &str| (p.to_string(), i.to_string());
    let two = [pair("beta", "cirros"), pair("gamma", "ubuntu")];
    assert_eq!(
        (EN.access_rows_listed)(&two),
        " Members: beta (cirros), gamma (ubuntu)."
    );
    assert_eq!(
        (ZH.access_rows_listed)(&two),
        "成员：beta（cirros）、gamma（ubuntu）。"
    );
    let many: Vec<_> = (0..12).map(|n| pair(&format!("p{n}"), "img")).collect();
    let en = (EN.access_rows_listed)(&many);
    assert!(en.contains("p9 (img) and 2 more."), "{en}");
    assert!(!en.contains("p10"), "{en}");
    let zh = (ZH.access_rows_listed)(&many);
    assert!(zh.ends_with("p9（img），另有 2 个。"), "{zh}");
}

#[test]
fn chinese_uses_the_dashboard_terms() {
    assert_eq!(ZH.view_public, "公有");
    assert_eq!(ZH.method_app_credential, "应用凭证");
    assert_eq!(ZH.custom_properties, "自定义属性");
    assert_eq!(ZH.deactivate, "取消激活");
    assert_eq!(ZH.reactivate, "重新激活");
    assert_eq!(ZH.log_out, "退出登录");
    assert_eq!(ZH.send_data, "上传数据");
    assert_eq!(ZH.session_expired_title, "会话已过期");
    assert_eq!(ZH.field_min_disk, "最小磁盘（GB）");
    assert_eq!(ZH.field_min_ram, "最小内存（MB）");
    assert_eq!(ZH.new_image, "创建镜像");
    assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhCn);
}

#[test]
fn chinese_punctuation_where_strings_are_joined() {
    assert_eq!(EN.with_note(EN.accept_all, 3), "Accept all (3)");
    assert_eq!(ZH.with_note(ZH.accept_all, 3), "全部接受（3）");
    assert_eq!(EN.labelled(EN.request_id, "req-1"), "Request ID: req-1");
    assert_eq!(ZH.labelled(ZH.request_id, "req-1"), "请求 ID：req-1");
    assert_eq!(
        format!("{}{}{}", ZH.add_members_hint, ZH.sentence_gap, ZH.add_members_keys_hint),
        "您自己的项目可以使用名称；其他项目请粘贴对方提供的项目 ID。按 Enter 添加；按 Shift+Enter 换行。"
    );
}

/// Controls seen together are found by name without one name finding the other: a query for
/// "Property" must not also find the new value's box, nor "Accept" the "Back to pending"
/// button of a rejected invitation, nor "Invitations" (the catalog tab) the header's count.
#[test]
fn names_seen_together_do_not_contain_each_other() {
    for t in [&EN, &ZH] {
        let has = |outer: &str, inner: &str| outer.to_lowercase().contains(&inner.to_lowercase());
        assert!(
            !has(t.new_property_value, t.property_key),
            "{}",
            t.new_property_value
        );
        assert!(!has(t.set_pending, t.accept), "{}", t.set_pending);
        assert!(!has(t.set_pending, t.reject), "{}", t.set_pending);
        for n in [1, 2, 12] {
            assert!(
                !has(&t.invitations_badge.fill(&[&n]), t.view_invitations),
                "{n}"
            );
        }
        assert!(!has(t.edit_properties_caption, t.custom_properties));
        for other in [t.add_tag, t.add_property] {
            assert!(!has(other, t.add_members_button), "{other}");
        }
    }
}

#[test]
fn access_counts_add_up_to_the_members_shown() {
    assert_eq!(
        (EN.access_counts)(3, 1, 1, 1, 0),
        "3 members: 1 pending, 1 accepted, 1 rejected"
    );
    assert_eq!(
        (EN.access_counts)(4, 1, 1, 1, 1),
        "4 members: 1 pending, 1 accepted, 1 rejected, 1 of unknown status"
    );
    assert_eq!(
        (ZH.access_counts)(4, 1, 1, 1, 1),
        "4 个成员：1 个待接受，1 个已接受，1 个已拒绝，1 个状态未知"
    );
}

#[test]
fn a_copy_button_is_named_as_each_language_writes_it() {
    assert_eq!((EN.copy_what)(EN.project_id), "Copy project ID");
    // Chinese runs into a Chinese word, with a space before a Latin one.
    assert_eq!((ZH.copy_what)(ZH.project_id), "复制项目 ID");
    assert_eq!((ZH.copy_what)(ZH.field_id), "复制 ID");
    assert_eq!((ZH.copy_what)(ZH.invitation_link), "复制邀请链接");
    assert_eq!(
        (ZH.copy_what)(&ZH.with_note(ZH.project_id, ZH.col_owner)),
        "复制项目 ID（所有者）"
    );
    assert_eq!(
        EN.chosen_file.fill(&[&"disk.raw", &"3.0 KiB"]),
        "disk.raw (3.0 KiB)"
    );
    assert_eq!(
        ZH.chosen_file.fill(&[&"disk.raw", &"3.0 KiB"]),
        "disk.raw（3.0 KiB）"
    );
}

/// The numbers of a template's places, sorted, each once (a value may be named more than once:
/// "… {0} … ask the operator to check {0}").
fn distinct_places(template: glance_share::i18n::Template) -> Vec<usize> {
    let mut places = template.places();
    places.sort_unstable();
    places.dedup();
    places
}

/// Every message kept as a template (`name: Template("…")` in `src/i18n/en.rs` and `zh.rs`)
/// has the same numbered places in both languages, each value used, none beyond those the
/// English text uses: a Chinese message can order its values differently but not lose or
/// invent one. Read from the catalogs' sources, so a template added later is checked too.
#[test]
fn both_catalogs_give_every_template_the_same_places() {
    fn templates(source: &str) -> std::collections::BTreeMap<String, Vec<usize>> {
        source
            .lines()
            .filter_map(|line| {
                let (name, rest) = line.trim().split_once(": Template(\"")?;
                let text = rest.strip_suffix("\"),")?;
                let places = distinct_places(glance_share::i18n::Template(Box::leak(text.into())));
                Some((name.to_string(), places))
            })
            .collect()
    }
    let en = templates(include_str!("../src/i18n/en.rs"));
    let zh = templates(include_str!("../src/i18n/zh.rs"));
    assert!(en.len() >= 50, "templates found in en.rs: {}", en.len());
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        zh.keys().collect::<Vec<_>>(),
        "the same messages are templates in both languages"
    );
    for (name, places) in &en {
        assert!(!places.is_empty(), "{name} has no place for a value");
        let distinct: Vec<usize> = (0..places.len()).collect();
        assert_eq!(
            places, &distinct,
            "{name}: places 0, 1, … (each value used)"
        );
        assert_eq!(places, &zh[name], "{name}: the same places in Chinese");
    }
    for (en, zh) in EN.gateway_error.iter().zip(&ZH.gateway_error) {
        assert_eq!(distinct_places(*en), [0, 1], "{en:?}");
        assert_eq!(distinct_places(*zh), [0, 1], "{zh:?}");
    }
}

#[test]
fn a_template_puts_each_value_in_its_place_in_the_language_s_order() {
    use glance_share::i18n::Template;
    assert_eq!(
        EN.access_removed.fill(&[&"beta", &"cirros"]),
        "Removed beta from cirros"
    );
    assert_eq!(
        ZH.access_removed.fill(&[&"beta", &"cirros"]),
        "已从 cirros 移除 beta"
    );
    assert_eq!(EN.invitations_badge.fill(&[&3usize]), "3 to answer");
    // Values are inserted, never read as places; braces that are no place stay as written;
    // a place without a value stays as written instead of failing.
    assert_eq!(Template("{0} and {1}").fill(&[&"{1}", &"x"]), "{1} and x");
    assert_eq!(Template("{a} {0} {").fill(&[&7]), "{a} 7 {");
    assert_eq!(Template("{0} {2}").fill(&[&"only"]), "only {2}");
}

/// A message whose English words follow a count: its "other" form and the Chinese text have
/// the same places, and the "1" form uses no place the other form lacks (it may write the 1).
#[test]
fn counted_messages_have_the_same_places_in_both_languages() {
    macro_rules! counted {
        ($($name:ident),* $(,)?) => { [$((stringify!($name), EN.$name, ZH.$name)),*] };
    }
    for (name, en, zh) in counted!(
        images_shown,
        confirm_accept_all,
        access_remove_confirm,
        access_remove_rejected_confirm,
        access_exported,
        access_export_partial,
        access_remove_project,
        access_remove_project_confirm,
        share_many_title,
        share_many_make_shared,
        share_many_summary,
    ) {
        assert_eq!(zh.one, zh.other, "{name}: one Chinese form");
        assert_eq!(
            distinct_places(en.other),
            distinct_places(zh.other),
            "{name}"
        );
        assert!(
            distinct_places(en.one)
                .iter()
                .all(|p| en.other.places().contains(p)),
            "{name}"
        );
    }
    assert_eq!(EN.images_shown.fill(1, &[&1]), "1 image shown");
    assert_eq!(EN.images_shown.fill(3, &[&3]), "3 images shown");
    assert_eq!(
        EN.share_many_summary.fill(1, &[&0, &1]),
        "Shared with projects: 0 of 1 image–project pair"
    );
    assert_eq!(
        ZH.access_remove_project_confirm.fill(2, &[&"beta", &2]),
        "要从 2 个镜像中移除项目 beta 吗？该项目将无法再看到这些镜像。"
    );
}

#[test]
fn copy_button_names_read_as_a_sentence() {
    assert_eq!(
        (EN.copy_what)(EN.current_project_id),
        "Copy current project ID"
    );
    assert_eq!((EN.copy_what)(EN.invitation_link), "Copy invitation link");
    assert_eq!((EN.copy_what)("ID"), "Copy ID");
}
