//! Sharing many images with many projects at once: which images to make shared first and
//! which (image, project) pairs to send. Pure, so the plan is tested natively.

use super::Visibility;

/// A selected image as the plan needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanImage {
    pub id: String,
    pub name: String,
    pub visibility: Visibility,
}

/// One project to add: the id to send and how to show it (what was typed, with the name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanProject {
    pub id: String,
    pub label: String,
}

/// One membership to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub image_id: String,
    pub image_name: String,
    pub project_id: String,
    pub project_label: String,
}

impl Pair {
    /// How the pair is named in results: "image → project".
    pub fn label(&self) -> String {
        format!("{} → {}", self.image_name, self.project_label)
    }
}

/// What a share run does: first make `make_shared` shared, then send `pairs`; `skipped`
/// are the private images left alone (no pair is sent for them: Glance would refuse).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharePlan {
    pub make_shared: Vec<PlanImage>,
    pub pairs: Vec<Pair>,
    pub skipped: Vec<PlanImage>,
}

/// How many of `images` are private (the count the "make shared first" choice names).
pub fn private_count(images: &[PlanImage]) -> usize {
    images
        .iter()
        .filter(|i| i.visibility == Visibility::Private)
        .count()
}

/// Every (image, project) pair, image by image. Private images are made shared first when
/// `make_shared`, otherwise skipped. Public and community images are sent as they are: Glance
/// answers for each pair (it allows members only on shared images).
pub fn plan_share(images: &[PlanImage], projects: &[PlanProject], make_shared: bool) -> SharePlan {
    let mut plan = SharePlan::default();
    for image in images {
        if image.visibility == Visibility::Private {
            if !make_shared {
                plan.skipped.push(image.clone());
                continue;
            }
            plan.make_shared.push(image.clone());
        }
        plan.pairs.extend(projects.iter().map(|p| Pair {
            image_id: image.id.clone(),
            image_name: image.name.clone(),
            project_id: p.id.clone(),
            project_label: p.label.clone(),
        }));
    }
    plan
}

/// The plan for "Retry failed": the images whose change to shared failed (with all their
/// pairs, from `plan`) and the pairs that failed or were not sent.
pub fn retry_plan(
    plan: &SharePlan,
    visibility_failed: &[String],
    pairs_failed: &[Pair],
) -> SharePlan {
    let make_shared: Vec<PlanImage> = plan
        .make_shared
        .iter()
        .filter(|i| visibility_failed.contains(&i.id))
        .cloned()
        .collect();
    let pairs = plan
        .pairs
        .iter()
        .filter(|p| visibility_failed.contains(&p.image_id) || pairs_failed.contains(p))
        .cloned()
        .collect();
    SharePlan {
        make_shared,
        pairs,
        skipped: Vec::new(),
    }
}

/// What stays in the box after a run: of the projects as typed (`typed`: what was typed, the
/// project id it named), those with a pair still to retry in `retry`; the others went
/// through and leave the box, as the sharing panel's box does.
pub fn typed_to_keep(typed: &[(String, String)], retry: &SharePlan) -> Vec<String> {
    typed
        .iter()
        .filter(|(_, id)| retry.pairs.iter().any(|p| p.project_id == *id))
        .map(|(input, _)| input.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(id: &str, visibility: Visibility) -> PlanImage {
        PlanImage {
            id: id.into(),
            name: format!("{id}-name"),
            visibility,
        }
    }

    fn project(id: &str) -> PlanProject {
        PlanProject {
            id: id.into(),
            label: id.into(),
        }
    }

    fn pair_ids(plan: &SharePlan) -> Vec<(String, String)> {
        plan.pairs
            .iter()
            .map(|p| (p.image_id.clone(), p.project_id.clone()))
            .collect()
    }

    #[test]
    fn every_pair_image_by_image() {
        let images = [
            image("a", Visibility::Shared),
            image("b", Visibility::Shared),
        ];
        let plan = plan_share(&images, &[project("p"), project("q")], true);
        assert_eq!(
            pair_ids(&plan),
            [("a", "p"), ("a", "q"), ("b", "p"), ("b", "q")]
                .map(|(i, p)| (i.to_string(), p.to_string()))
        );
        assert!(plan.make_shared.is_empty() && plan.skipped.is_empty());
        assert_eq!(plan.pairs[1].label(), "a-name → q");
    }

    #[test]
    fn private_images_made_shared_first_or_skipped() {
        let images = [
            image("a", Visibility::Private),
            image("b", Visibility::Shared),
            image("c", Visibility::Private),
        ];
        assert_eq!(private_count(&images), 2);
        let plan = plan_share(&images, &[project("p")], true);
        assert_eq!(plan.make_shared.len(), 2);
        assert_eq!(plan.pairs.len(), 3);
        let plan = plan_share(&images, &[project("p")], false);
        assert!(plan.make_shared.is_empty());
        assert_eq!(
            plan.skipped
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert_eq!(pair_ids(&plan), [("b".to_string(), "p".to_string())]);
    }

    #[test]
    fn public_and_community_images_are_sent_for_glance_to_answer() {
        let images = [
            image("a", Visibility::Public),
            image("b", Visibility::Community),
        ];
        assert_eq!(private_count(&images), 0);
        let plan = plan_share(&images, &[project("p")], true);
        assert!(plan.make_shared.is_empty());
        assert_eq!(plan.pairs.len(), 2);
    }

    #[test]
    fn no_projects_no_pairs() {
        let plan = plan_share(&[image("a", Visibility::Private)], &[], true);
        assert!(plan.pairs.is_empty());
    }

    #[test]
    fn retry_keeps_failed_pairs_and_images_not_made_shared() {
        let images = [
            image("a", Visibility::Private),
            image("b", Visibility::Shared),
        ];
        let plan = plan_share(&images, &[project("p"), project("q")], true);
        let failed_pair = plan.pairs[3].clone(); // b → q
        let retry = retry_plan(
            &plan,
            &["a".to_string()],
            std::slice::from_ref(&failed_pair),
        );
        assert_eq!(retry.make_shared, vec![images[0].clone()]);
        assert_eq!(
            pair_ids(&retry),
            [("a", "p"), ("a", "q"), ("b", "q")].map(|(i, p)| (i.to_string(), p.to_string()))
        );
        let nothing = retry_plan(&plan, &[], &[]);
        assert!(nothing.pairs.is_empty() && nothing.make_shared.is_empty());
    }

    #[test]
    fn only_projects_with_a_pair_to_retry_stay_in_the_box() {
        let images = [
            image("a", Visibility::Shared),
            image("b", Visibility::Shared),
        ];
        let plan = plan_share(&images, &[project("p"), project("q")], true);
        let failed_q_on_b = [plan.pairs[3].clone()];
        let retry = retry_plan(&plan, &[], &failed_q_on_b);
        let typed = [
            ("beta".to_string(), "p".to_string()),
            ("q".to_string(), "q".to_string()),
        ];
        assert_eq!(typed_to_keep(&typed, &retry), vec!["q".to_string()]);
        assert!(typed_to_keep(&typed, &retry_plan(&plan, &[], &[])).is_empty());
        // A failed change to shared keeps every project of that image.
        let all = typed_to_keep(&typed, &retry_plan(&plan, &["a".to_string()], &[]));
        assert_eq!(all, vec!["beta".to_string(), "q".to_string()]);
    }
}
