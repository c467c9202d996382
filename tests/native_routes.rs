//! The route table: which page each address shows, and which links are current.

use glance_share::routes::{link_is_current, Page};

#[test]
fn each_address_names_its_page() {
    assert_eq!(Page::of("/"), Page::Root);
    assert_eq!(Page::of(""), Page::Root);
    assert_eq!(Page::of("/index.html"), Page::Root);
    assert_eq!(Page::of("/login"), Page::Login);
    assert_eq!(Page::of("/images"), Page::Catalog);
    assert_eq!(Page::of("/images/"), Page::Catalog);
    assert_eq!(Page::of("/images/new"), Page::Create);
    assert_eq!(Page::of("/images/abc-123"), Page::ImageDetail);
    assert_eq!(Page::of("/images/abc-123/"), Page::ImageDetail);
    // An id holding an encoded slash is one id; a real slash is another address.
    assert_eq!(Page::of("/images/a%2Fb"), Page::ImageDetail);
    assert_eq!(Page::of("/images/a/b"), Page::NotFound);
    assert_eq!(Page::of("/invitations/abc"), Page::Invitation);
    assert_eq!(Page::of("/invitations"), Page::NotFound);
    assert_eq!(Page::of("/invitations/"), Page::NotFound);
    assert_eq!(Page::of("/access"), Page::Access);
    assert_eq!(Page::of("/images//"), Page::NotFound);
    assert_eq!(Page::of("/nowhere"), Page::NotFound);
    assert_eq!(Page::of("/Images"), Page::NotFound);
}

#[test]
fn the_frame_holds_the_logged_in_pages_only() {
    for page in [
        Page::Catalog,
        Page::Create,
        Page::ImageDetail,
        Page::Invitation,
        Page::Access,
    ] {
        assert!(page.in_frame(), "{page:?}");
    }
    for page in [Page::Login, Page::Root, Page::NotFound] {
        assert!(!page.in_frame(), "{page:?}");
    }
}

#[test]
fn a_link_is_current_on_its_page_and_below_unless_exact() {
    assert!(link_is_current("/images", "/images", true));
    assert!(!link_is_current("/images", "/images/abc", true));
    assert!(link_is_current("/access", "/access", false));
    assert!(link_is_current("/images", "/images/abc", false));
    // A longer name that starts the same is another page.
    assert!(!link_is_current("/image", "/images", false));
    assert!(!link_is_current("/images/new", "/images", false));
    assert!(!link_is_current("/", "/images", false));
    // The query and the fragment of the link do not count.
    assert!(link_is_current("/images/new?image=x", "/images/new", false));
    assert!(link_is_current("/images/abc#sharing", "/images/abc", true));
}
