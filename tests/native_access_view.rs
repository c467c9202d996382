//! The access overview's address: filters and order survive a reload or a shared link.

use glance_share::api::url::parse_query_string;
use glance_share::model::access::{AccessColumn, AccessSort};
use glance_share::model::access_view::AccessView;

fn from_href(href: &str) -> AccessView {
    let query = href.split_once('?').map_or("", |(_, q)| q);
    AccessView::from_pairs(&parse_query_string(query))
}

#[test]
fn the_default_view_is_the_bare_page() {
    assert_eq!(AccessView::default().href(), "/access");
    assert_eq!(from_href("/access"), AccessView::default());
}

#[test]
fn filters_and_order_go_through_the_address_and_back() {
    let view = AccessView {
        project: "beta & co=1".into(),
        status: "rejected".into(),
        image: "镜像 #2/3?".into(),
        sort: AccessSort {
            column: AccessColumn::Changed,
            ascending: false,
        },
    };
    let href = view.href();
    assert_eq!(
        href,
        "/access?project=beta%20%26%20co%3D1&status=rejected&image=%E9%95%9C%E5%83%8F%20%232%2F3%3F&sort=changed&dir=desc"
    );
    assert_eq!(from_href(&href), view);
    for column in [
        AccessColumn::Image,
        AccessColumn::Project,
        AccessColumn::Status,
        AccessColumn::Added,
        AccessColumn::Changed,
    ] {
        for ascending in [true, false] {
            let view = AccessView {
                sort: AccessSort { column, ascending },
                ..AccessView::default()
            };
            assert_eq!(from_href(&view.href()), view, "{column:?} {ascending}");
        }
    }
}

#[test]
fn a_hand_edited_address_still_opens_the_page_with_what_it_names_rightly() {
    let view = from_href("/access?status=deleted&sort=owner&dir=up&image=web&extra=1");
    assert_eq!(
        view,
        AccessView {
            image: "web".into(),
            ..AccessView::default()
        }
    );
    assert_eq!(from_href("/access?status=unknown").status, "unknown");
    assert_eq!(from_href("/access?status=pending").status, "pending");
}
