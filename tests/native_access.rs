//! The access overview's pure parts: filters, sort, counts and the CSV export.

use glance_share::i18n::{EN, ZH};
use glance_share::model::access::{
    count_by_status, csv_cell, projects_in, rows_of_project, to_csv, visible_rows, AccessColumn,
    AccessFilter, AccessRow, AccessSort, ProjectInTable, StatusChoice,
};
use glance_share::model::MemberStatus;

fn row(image: &str, project: &str, name: Option<&str>, status: &str, added: &str) -> AccessRow {
    AccessRow {
        image_id: format!("id-{image}"),
        image_name: image.into(),
        project_id: project.into(),
        project_name: name.map(str::to_string),
        status: MemberStatus::from(status.to_string()),
        created_at: added.into(),
        updated_at: format!("{added}-u"),
    }
}

fn sample() -> Vec<AccessRow> {
    vec![
        row("web", "p-beta", Some("beta"), "pending", "2026-01-02"),
        row("db", "p-gamma", None, "accepted", "2026-01-03"),
        row("web", "p-gamma", None, "rejected", "2026-01-01"),
        row("Ωmega", "p-beta", Some("beta"), "accepted", "2026-01-04"),
    ]
}

fn names(rows: &[AccessRow]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r.image_name.clone(), r.project_id.clone()))
        .collect()
}

#[test]
fn filters_by_project_id_or_name_status_and_image_name() {
    let rows = sample();
    let by = |f: AccessFilter| names(&visible_rows(&rows, &f, AccessSort::default()));
    assert_eq!(by(AccessFilter::default()).len(), 4);
    let beta = by(AccessFilter {
        project: "BETA".into(),
        ..Default::default()
    });
    assert_eq!(
        beta,
        vec![
            ("web".into(), "p-beta".into()),
            ("Ωmega".into(), "p-beta".into())
        ]
    );
    // An id fragment matches too, also for projects without a known name.
    assert_eq!(
        by(AccessFilter {
            project: "p-gam".into(),
            ..Default::default()
        })
        .len(),
        2
    );
    let rejected = by(AccessFilter {
        status: Some(StatusChoice::Is(MemberStatus::Rejected)),
        ..Default::default()
    });
    assert_eq!(rejected, vec![("web".into(), "p-gamma".into())]);
    assert_eq!(
        by(AccessFilter {
            image: "ωME".into(),
            ..Default::default()
        })
        .len(),
        1
    );
    let none = by(AccessFilter {
        image: "web".into(),
        status: Some(StatusChoice::Is(MemberStatus::Accepted)),
        ..Default::default()
    });
    assert!(none.is_empty());
}

#[test]
fn the_unknown_status_choice_finds_members_whose_status_has_no_words() {
    let mut rows = sample();
    rows.push(row("ops", "p-delta", None, "", "2026-01-05"));
    rows.push(row("ops", "p-eps", None, "suspended", "2026-01-06"));
    let unknown = names(&visible_rows(
        &rows,
        &AccessFilter {
            status: Some(StatusChoice::Unknown),
            ..Default::default()
        },
        AccessSort::default(),
    ));
    assert_eq!(
        unknown,
        vec![
            ("ops".into(), "p-delta".into()),
            ("ops".into(), "p-eps".into())
        ]
    );
    // "Pending" does not take them.
    let pending = AccessFilter {
        status: Some(StatusChoice::Is(MemberStatus::Pending)),
        ..Default::default()
    };
    assert_eq!(
        visible_rows(&rows, &pending, AccessSort::default()).len(),
        1
    );
}

#[test]
fn status_choices_round_trip_through_the_select_value() {
    for choice in [
        StatusChoice::Is(MemberStatus::Pending),
        StatusChoice::Is(MemberStatus::Accepted),
        StatusChoice::Is(MemberStatus::Rejected),
        StatusChoice::Unknown,
    ] {
        assert_eq!(StatusChoice::from_value(choice.value()), Some(choice));
    }
    assert_eq!(StatusChoice::from_value(""), None);
    assert_eq!(StatusChoice::from_value("suspended"), None);
}

#[test]
fn sorts_by_each_column_both_ways_with_stable_ties() {
    let rows = sample();
    let sorted = |column, ascending| {
        names(&visible_rows(
            &rows,
            &AccessFilter::default(),
            AccessSort { column, ascending },
        ))
    };
    let by_image = sorted(AccessColumn::Image, true);
    assert_eq!(by_image[0].0, "db");
    // Tie on "web": project id decides.
    assert_eq!(by_image[1], ("web".into(), "p-beta".into()));
    assert_eq!(by_image[2], ("web".into(), "p-gamma".into()));
    assert_eq!(by_image[3].0, "Ωmega");
    assert_eq!(sorted(AccessColumn::Image, false)[0].0, "Ωmega");
    let added: Vec<_> = sorted(AccessColumn::Added, true)
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(added, ["web", "web", "db", "Ωmega"]);
    assert_eq!(sorted(AccessColumn::Changed, false)[0].0, "Ωmega");
    assert_eq!(sorted(AccessColumn::Status, true)[0].1, "p-gamma"); // accepted: db
                                                                    // Projects sort by the name shown ("beta") before bare ids ("p-gamma").
    assert_eq!(sorted(AccessColumn::Project, true)[0].1, "p-beta");
}

#[test]
fn header_clicks_flip_or_restart_and_say_so_in_aria_sort() {
    let s = AccessSort::default();
    assert_eq!(s.aria(AccessColumn::Image), "ascending");
    assert_eq!(s.aria(AccessColumn::Status), "none");
    let s = s.clicked(AccessColumn::Image);
    assert_eq!(s.aria(AccessColumn::Image), "descending");
    let s = s.clicked(AccessColumn::Added);
    assert_eq!((s.column, s.ascending), (AccessColumn::Added, true));
    assert_eq!(s.aria(AccessColumn::Image), "none");
}

#[test]
fn counts_each_status() {
    let mut rows = sample();
    rows.push(row("x", "p", None, "weird", "t"));
    assert_eq!(count_by_status(&rows), (1, 2, 1, 1));
}

#[test]
fn csv_cells_are_quoted_and_formulas_neutralized() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell("=1+1"), "'=1+1");
    assert_eq!(csv_cell("+1"), "'+1");
    assert_eq!(csv_cell("-1"), "'-1");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("\t=1"), "'\t=1");
    assert_eq!(
        csv_cell("=HYPERLINK(\"http://x\",\"a\")"),
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""
    );
    assert_eq!(csv_cell("a=b"), "a=b");
    assert_eq!(csv_cell(""), "");
}

#[test]
fn csv_has_bom_header_crlf_and_one_line_per_row() {
    let rows = vec![
        row("=cmd", "p-beta", Some("beta"), "pending", "2026-01-02"),
        row("镜像, one", "p-gamma", None, "accepted", "2026-01-03"),
    ];
    let csv = to_csv(
        &[
            "Image",
            "Image ID",
            "Project",
            "Project ID",
            "Status",
            "Added",
            "Changed",
            "Glance status",
        ],
        &rows,
        |raw| ZH.member_status_label(raw),
    );
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{lines:?}"); // header, 2 rows, empty after the last CRLF
    assert_eq!(
        lines[0],
        "Image,Image ID,Project,Project ID,Status,Added,Changed,Glance status"
    );
    assert_eq!(
        lines[1],
        "'=cmd,id-=cmd,beta,p-beta,待接受,2026-01-02,2026-01-02-u,pending"
    );
    assert_eq!(
        lines[2],
        "\"镜像, one\",\"id-镜像, one\",,p-gamma,已接受,2026-01-03,2026-01-03-u,accepted"
    );
    assert_eq!(lines[3], "");
}

#[test]
fn csv_keeps_an_unknown_or_empty_status_as_glance_wrote_it() {
    let rows = vec![
        row("a", "p-1", None, "", "t"),
        row("b", "p-2", None, "=odd, \"status\"", "t"),
    ];
    let header = ["I", "ID", "P", "PID", "S", "A", "C", "G"];
    let csv = to_csv(&header, &rows, |raw| EN.member_status_label(raw));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    // An empty status is said as unknown in words, and is an empty cell as Glance's value.
    assert_eq!(lines[1], "a,id-a,,p-1,Unknown status,t,t-u,");
    let odd = "\"'=odd, \"\"status\"\"\"";
    assert_eq!(lines[2], format!("b,id-b,,p-2,{odd},t,t-u,{odd}"));
}

#[test]
fn projects_in_the_table_with_their_image_counts_and_rows() {
    let rows = sample();
    assert_eq!(
        projects_in(&rows),
        vec![
            ProjectInTable {
                id: "p-beta".into(),
                name: Some("beta".into()),
                images: 2
            },
            ProjectInTable {
                id: "p-gamma".into(),
                name: None,
                images: 2
            },
        ]
    );
    assert!(projects_in(&[]).is_empty());
    // A named project comes before an unnamed one even when its id sorts after.
    let mut zeta = row("db", "p-zeta", Some("zeta"), "pending", "2026-01-05");
    zeta.project_id = "0-first-by-id".into();
    let order: Vec<_> = projects_in(&[rows[1].clone(), zeta])
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(order, vec!["0-first-by-id".to_string(), "p-gamma".into()]);
    let gamma = rows_of_project(&rows, "p-gamma");
    assert_eq!(
        gamma
            .iter()
            .map(|r| r.image_name.as_str())
            .collect::<Vec<_>>(),
        vec!["db", "web"]
    );
    assert!(gamma.iter().all(|r| r.project_id == "p-gamma"));
    assert!(rows_of_project(&rows, "p-none").is_empty());
}
