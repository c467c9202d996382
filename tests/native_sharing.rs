//! Native tests: bulk member input, entry checks, add outcomes, member-state transitions.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::members::{
    add_member_body, check_entries, cli_remove_member, is_dot_segment, is_malformed,
    member_status_body, split_entries, visibility_patch, AddOutcome, EntryProblem,
};
use glance_share::model::{Member, MemberStatus, MemberTable, StatusCounts, Visibility};

#[test]
fn pasted_lists_split_on_newlines_commas_semicolons_and_spaces() {
    assert_eq!(
        split_entries(" a1,b2\n\nc3 ; d4\te5 ,, "),
        vec!["a1", "b2", "c3", "d4", "e5"]
    );
    assert!(split_entries(" \n , ").is_empty());
    // As a Chinese input method types the separators.
    assert_eq!(
        split_entries("a1，b2、c3；d4"),
        vec!["a1", "b2", "c3", "d4"]
    );
}

#[test]
fn tag_lists_split_on_ascii_and_chinese_commas() {
    use glance_share::format::comma_list;
    assert_eq!(comma_list("甲，乙、丙"), vec!["甲", "乙", "丙"]);
    assert_eq!(comma_list(" a, b ,,c "), vec!["a", "b", "c"]);
    assert!(comma_list(" ，、, ").is_empty());
}

#[test]
fn entries_are_checked_against_owner_members_duplicates_and_names() {
    let known = vec![
        ("id-beta".to_string(), "beta".to_string()),
        ("id-alpha".to_string(), "alpha".to_string()),
    ];
    let members = vec!["id-gamma".to_string()];
    let checked = check_entries(
        "beta id-x id-beta id-gamma id-alpha bad/id id-x",
        "id-alpha",
        &members,
        &known,
    );
    let summary: Vec<_> = checked
        .iter()
        .map(|c| (c.input.as_str(), c.project_id.as_str(), c.problem.clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("beta", "id-beta", None),
            ("id-x", "id-x", None),
            ("id-beta", "id-beta", Some(EntryProblem::Duplicate)),
            ("id-gamma", "id-gamma", Some(EntryProblem::AlreadyMember)),
            ("id-alpha", "id-alpha", Some(EntryProblem::OwnProject)),
            ("bad/id", "bad/id", Some(EntryProblem::Malformed)),
            ("id-x", "id-x", Some(EntryProblem::Duplicate)),
        ]
    );
    assert_eq!(checked[0].project_name.as_deref(), Some("beta"));
    assert_eq!(checked[1].project_name, None);
    // The owner's name and id together: both are the image's own project, neither a duplicate.
    let own: Vec<_> = check_entries("alpha id-alpha", "id-alpha", &members, &known)
        .into_iter()
        .map(|c| c.problem)
        .collect();
    assert_eq!(own, vec![Some(EntryProblem::OwnProject); 2]);
}

#[test]
fn dot_segments_are_refused_as_typed_or_percent_encoded() {
    for dots in [".", "..", "%2e", "%2E", "%2e%2E", ".%2e", "%2E.", "%2e."] {
        assert!(is_dot_segment(dots), "{dots}");
        let checked = check_entries(dots, "owner", &[], &[]);
        assert_eq!(
            checked[0].problem,
            Some(EntryProblem::Unaddressable),
            "{dots}"
        );
        assert!(is_malformed(&EntryProblem::Unaddressable));
    }
    for fine in ["...", "a.", ".a", "%2e%2e%2e", "2e", "%", "p.1"] {
        assert!(!is_dot_segment(fine), "{fine}");
    }
    // Names of the user's projects resolve first: a project named ".." means its own id.
    let known = vec![("id-dots".to_string(), "..".to_string())];
    assert_eq!(check_entries("..", "owner", &[], &known)[0].problem, None);
    // Ids with dots inside stay valid.
    assert_eq!(check_entries("a.b", "owner", &[], &[])[0].problem, None);
}

#[test]
fn the_command_for_an_unaddressable_member_encodes_its_dots() {
    let cmd = cli_remove_member("img-1", "..");
    assert!(cmd.starts_with("curl --path-as-is -X DELETE "), "{cmd}");
    assert!(
        cmd.ends_with("\"$GLANCE_URL/v2/images/img-1/members/%2E%2E\""),
        "{cmd}"
    );
    assert!(cli_remove_member("img-1", ".").ends_with("/members/%2E\""));
}

#[test]
fn add_outcomes_follow_glance_statuses_and_decide_what_stays_in_the_box() {
    assert_eq!(AddOutcome::from_status(None, ""), AddOutcome::Added);
    assert_eq!(
        AddOutcome::from_status(Some(409), "dup"),
        AddOutcome::AlreadyMember
    );
    assert_eq!(
        AddOutcome::from_status(Some(413), "quota"),
        AddOutcome::QuotaExceeded
    );
    assert_eq!(
        AddOutcome::from_status(Some(403), "Not allowed"),
        AddOutcome::Failed("Not allowed".into())
    );
    assert!(!AddOutcome::Added.keep_in_input());
    assert!(!AddOutcome::AlreadyMember.keep_in_input());
    assert!(AddOutcome::QuotaExceeded.keep_in_input());
    assert!(AddOutcome::Failed("x".into()).keep_in_input());
}

#[test]
fn request_bodies_change_only_what_is_asked() {
    assert_eq!(
        visibility_patch(&Visibility::Shared),
        serde_json::json!([{"op": "replace", "path": "/visibility", "value": "shared"}])
    );
    assert_eq!(add_member_body("p1"), serde_json::json!({"member": "p1"}));
    assert_eq!(
        member_status_body(&MemberStatus::Rejected),
        serde_json::json!({"status": "rejected"})
    );
}

fn member(id: &str, status: MemberStatus) -> Member {
    Member {
        member_id: id.into(),
        image_id: "img".into(),
        status,
        created_at: "t0".into(),
        updated_at: "t0".into(),
    }
}

#[test]
fn member_table_follows_glance_answers() {
    let mut t = MemberTable::from_members(vec![
        member("b", MemberStatus::Pending),
        member("a", MemberStatus::Accepted),
    ]);
    assert_eq!(t.ids(), vec!["a", "b"]);
    t.upsert(member("c", MemberStatus::Rejected));
    t.upsert(Member {
        updated_at: "t1".into(),
        ..member("b", MemberStatus::Accepted)
    });
    assert_eq!(t.get("b").unwrap().updated_at, "t1");
    assert_eq!(
        t.counts(),
        StatusCounts {
            pending: 0,
            accepted: 2,
            rejected: 1,
            total: 3
        }
    );
    assert_eq!(t.filtered(Some(&MemberStatus::Rejected)).len(), 1);
    assert_eq!(t.filtered(None).len(), 3);
    assert!(t.remove("c").is_some());
    assert!(t.remove("c").is_none());
    assert_eq!(t.len(), 2);
}

#[test]
fn optimistic_change_rolls_back_to_exactly_what_was_there() {
    let mut t = MemberTable::from_members(vec![member("a", MemberStatus::Pending)]);
    let before = t.clone();
    let previous = t
        .set_status_optimistically("a", MemberStatus::Accepted)
        .unwrap();
    assert_eq!(t.get("a").unwrap().status, MemberStatus::Accepted);
    t.roll_back(previous);
    assert_eq!(t, before);
    assert!(t
        .set_status_optimistically("missing", MemberStatus::Accepted)
        .is_none());
}

#[test]
fn entries_that_are_neither_own_names_nor_id_shaped_are_doubtful() {
    use glance_share::api::members::looks_like_keystone_id;
    assert!(looks_like_keystone_id("48df367a9c3b4e0f8a1d2c3b4a5f6e7d"));
    assert!(looks_like_keystone_id(
        "48df367a-9c3b-4e0f-8a1d-2c3b4a5f6e7d"
    ));
    assert!(!looks_like_keystone_id("48df367a9c3b4e0f8a1d2c3b4a5f6e7")); // 31
    assert!(!looks_like_keystone_id("48df367a9c3b4e0f8a1d2c3b4a5f6e7g")); // not hex
    assert!(!looks_like_keystone_id(
        "48df367a9c3b-4e0f-8a1d-2c3b4a5f6e7d"
    )); // dashes misplaced
    assert!(!looks_like_keystone_id("beta"));
    // Keystone writes its ids in lower case; Glance would keep an upper-case one as typed, a
    // member no project ever is.
    assert!(!looks_like_keystone_id("48DF367A9C3B4E0F8A1D2C3B4A5F6E7D"));
    assert!(!looks_like_keystone_id(
        "48DF367A-9C3B-4E0F-8A1D-2C3B4A5F6E7D"
    ));

    let gamma = "0123456789abcdef0123456789abcdef";
    let known = vec![(
        "fedcba9876543210fedcba9876543210".to_string(),
        "beta".to_string(),
    )];
    let checked = check_entries(
        &format!("beta gamma {gamma} p-1 no/such"),
        "owner",
        &[],
        &known,
    );
    let doubtful: Vec<&str> = checked
        .iter()
        .filter(|e| e.is_doubtful())
        .map(|e| e.input.as_str())
        .collect();
    // beta is the user's own project (resolved), gamma's id has Keystone's shape, no/such is
    // refused outright: only "gamma" and "p-1" are asked about.
    assert_eq!(doubtful, ["gamma", "p-1"]);
}
