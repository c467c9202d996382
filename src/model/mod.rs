//! Typed Glance records. Decoding never panics: unknown enum values become `Other`, and a
//! field of an unexpected type becomes unknown for its record (see [`lenient`]).

pub mod access;
pub mod access_view;
pub mod formats;
pub mod image;
pub mod lenient;
pub mod member;
pub mod member_table;
pub mod share_plan;

pub use image::{Image, ImagePage, ImageStatus, Visibility};
pub use member::{Member, MemberStatus, MembersBody};
pub use member_table::{MemberTable, StatusCounts};
