//! An answer about one image must be about that image.
//!
//! `GET` and `PATCH /v2/images/{id}` answer with the image record. A proxy or cache between
//! the app and Glance that mixes up answers could hand back another image, which the page
//! would then show (and edit) as if it were the one asked for.

use super::error::ApiError;
use crate::model::Image;

/// `image` when it is the image `requested`; otherwise the error saying that the answer was
/// about another image, with the answer's request id.
pub fn of_requested(
    image: Image,
    requested: &str,
    request_id: Option<String>,
) -> Result<Image, ApiError> {
    // Case aside: Glance on MySQL finds an image by its id in any case and answers with the
    // id as stored, so an address typed in capitals is still the same image.
    if image.id.eq_ignore_ascii_case(requested) {
        Ok(image)
    } else {
        Err(ApiError::other_image(&image.id, request_id))
    }
}
