//! 简体中文消息。

use super::{Counted, Messages, Template, LISTED_AT_MOST};
use crate::format::fixed::fixed;

fn confirm_remove(projects: &[String]) -> String {
    match projects {
        [one] => format!("要从此镜像中移除项目 {one} 吗？该项目将无法再看到此镜像。"),
        _ => format!(
            "要从此镜像中移除 {} 个项目吗？这些项目将无法再看到此镜像。所选：{}。",
            projects.len(),
            join_list(projects)
        ),
    }
}
fn adding_progress(p: usize, q: usize) -> String {
    format!("正在添加项目：已完成 {p} / {q}")
}

fn upload_progress(done: &str, total: &str, percent: f64, speed: &str, left: &str) -> String {
    let percent = fixed(percent, 0);
    format!("已上传 {done} / {total}（{percent}%），{speed}/秒，剩余 {left}")
}

fn download_progress(done: &str, total: &str, percent: f64, speed: &str) -> String {
    let percent = fixed(percent, 0);
    format!("已下载 {done} / {total}（{percent}%），{speed}/秒")
}
/// Chinese runs into a Chinese word (复制项目 ID) and leaves a space before a Latin one
/// (复制 ID).
fn copy_what(what: &str) -> String {
    if what.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        format!("复制 {what}")
    } else {
        format!("复制{what}")
    }
}

fn bulk_progress(done: usize, total: usize) -> String {
    format!("已答复 {done} / {total}")
}
/// "3 个镜像" when all went through, "2 / 3 个镜像" otherwise (one formatting call for every
/// summary keeps the first load small).
fn counted(ok: usize, total: usize, what: &str) -> String {
    if ok == total {
        format!("{total} 个{what}")
    } else {
        format!("{ok} / {total} 个{what}")
    }
}
fn notice_deleted(ok: usize, total: usize) -> String {
    format!("已删除 {}。", counted(ok, total, "镜像"))
}
fn notice_deactivated(ok: usize, total: usize) -> String {
    format!("已取消激活 {}。", counted(ok, total, "镜像"))
}
fn notice_reactivated(ok: usize, total: usize) -> String {
    format!("已重新激活 {}。", counted(ok, total, "镜像"))
}
fn notice_accepted(ok: usize, total: usize) -> String {
    format!("已接受 {}。", counted(ok, total, "邀请"))
}
fn notice_added(image: &str, ok: usize, total: usize) -> String {
    format!("已将 {}添加到镜像 {image}。", counted(ok, total, "项目"))
}
fn notice_removed(image: &str, ok: usize, total: usize) -> String {
    format!("已从镜像 {image} 移除 {}。", counted(ok, total, "项目"))
}
/// "镜像 a" for one, "2 个镜像" for more (the names follow the question).
fn images_named(names: &[String]) -> String {
    match names {
        [one] => format!("镜像 {one} "),
        _ => format!(" {} 个镜像", names.len()),
    }
}
/// After the question, the names of several images.
fn selected_names(names: &[String]) -> String {
    if names.len() > 1 {
        format!("所选：{}。", join_list(names))
    } else {
        String::new()
    }
}
fn confirm_delete_many(names: &[String]) -> String {
    format!(
        "要删除{}吗？此操作无法撤销。{}",
        images_named(names),
        selected_names(names)
    )
}
fn confirm_deactivate_many(names: &[String]) -> String {
    format!(
        "要取消激活{}吗？重新激活之前无法下载其数据。{}",
        images_named(names),
        selected_names(names)
    )
}
fn confirm_reactivate_many(names: &[String]) -> String {
    format!(
        "要重新激活{}吗？{}",
        images_named(names),
        selected_names(names)
    )
}

/// What follows an answer about another image or member than the one asked for.
const MIXED_UP: &str =
    "本应用与 Glance 之间的代理或缓存可能混淆了应答：请刷新页面，如再次发生请告知管理员。";
fn other_image(id: &str) -> String {
    format!("应答是关于另一个镜像（ID {id}）的，而不是这个镜像，因此没有采用。{MIXED_UP}")
}
fn other_member(id: &str) -> String {
    format!("应答是关于另一个成员（项目 ID {id}）的，而不是所请求的成员，因此没有采用。{MIXED_UP}")
}
fn access_rows_listed(pairs: &[(String, String)]) -> String {
    let named: Vec<String> = pairs
        .iter()
        .take(LISTED_AT_MOST)
        .map(|(project, image)| format!("{project}（{image}）"))
        .collect();
    let more = pairs.len().saturating_sub(LISTED_AT_MOST);
    let more = if more > 0 {
        format!("，另有 {more} 个")
    } else {
        String::new()
    };
    format!("成员：{}{more}。", join_list(&named))
}
fn join_list(names: &[String]) -> String {
    names.join("、")
}

fn image_status(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "active" => "可用",
        "queued" => "已排队",
        "saving" => "保存中",
        "uploading" => "上传中",
        "importing" => "导入中",
        "deactivated" => "已取消激活",
        "killed" => "已终止",
        "deleted" => "已删除",
        "pending_delete" => "等待删除",
        _ => return None,
    })
}
fn visibility(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "private" => "私有",
        "shared" => "共享",
        "community" => "社区",
        "public" => "公有",
        _ => return None,
    })
}

fn catalog_no_endpoint(interface: &str, region: &str) -> String {
    if region.is_empty() {
        format!("服务目录中的镜像服务没有 \"{interface}\" 端点。请检查 config.json 中的 \"interface\"。")
    } else {
        format!("服务目录中的镜像服务在区域 \"{region}\" 中没有 \"{interface}\" 端点。请检查 config.json 中的 \"interface\" 和 \"region_name\"。")
    }
}
// --- Accessibility (issue 13) ---
fn confirm_leave_shared(visibility: &str, members: Option<usize>, private: bool) -> String {
    let Some(members) = members else {
        return if private {
            format!("要将此镜像设为{visibility}吗？无法读取它的成员列表：如有成员项目，它们将无法再使用它。Glance 会保留这些成员：镜像重新设为共享后，它们即可再次使用。")
        } else {
            format!("要将此镜像设为{visibility}吗？无法读取它的成员列表。只有共享镜像才有成员：如有成员项目，它们将不再列出。Glance 会保留这些成员，镜像重新设为共享后会再次列出。")
        };
    };
    if private {
        format!("要将此镜像设为{visibility}吗？它的 {members} 个成员项目将无法再使用它。Glance 会保留这些成员：镜像重新设为共享后，它们即可再次使用。")
    } else {
        format!("要将此镜像设为{visibility}吗？只有共享镜像才有成员：它的 {members} 个成员项目将不再列出。Glance 会保留这些成员，镜像重新设为共享后会再次列出。")
    }
}
pub const ZH: Messages = Messages {
    app_title: "镜像共享",
    language: "语言",
    skip_to_content: "跳到内容",
    note_open: "（",
    note_close: "）",
    colon: "：",
    sentence_gap: "",

    loading_config: "正在加载配置…",
    config_error_title: "此应用的配置不正确",
    config_error_help: "index.html 旁的 config.json 文件告诉应用使用哪个云。请修正后重新加载。示例：{\"auth_url\": \"https://keystone.example.com/v3\", \"region_name\": \"RegionOne\"}",
    config_bad_json: Template("config.json 不是有效的 JSON：{0}"),
    config_missing_auth_url: "config.json 中没有 \"auth_url\"（Keystone v3 地址，例如 \"https://keystone.example.com/v3\" 或 \"/identity/v3\"）。",
    config_bad_interface: Template("config.json：\"interface\" 必须是 \"public\"、\"internal\" 或 \"admin\"，而不是 \"{0}\"。"),
    config_not_a_string: Template("config.json：\"{0}\" 必须是字符串。"),
    config_bad_seconds: Template("config.json：\"{0}\" 必须是 1 到 86400 之间的整数秒数。"),
    config_bad_mib: Template("config.json：\"{0}\" 必须是 0 到 65536 之间的整数（MiB）。"),
    config_url_not_http: Template("config.json：\"{0}\" 的值 \"{1}\" 不是应用可以访问的网址。它必须以 https://、http:// 或 /（本站上的路径，例如 \"/identity/v3\"）开头。"),
    config_mixed_content: Template("config.json：\"{0}\" 的值 \"{1}\" 是 http:// 地址，但此页面是通过 https:// 加载的。浏览器会阻止这种请求（混合内容），因此应用无法访问它。请使用 https:// 地址，或使用本站代理后的路径（例如 \"/identity/v3\" 或 \"/image\"）。"),
    csp_blocked: Template("本站的内容安全策略（Content-Security-Policy）不允许应用访问 {0}（由 {1} 设定），浏览器已阻止该请求。请在 Web 服务器的 Content-Security-Policy 的 connect-src 中加入该源（deploy/nginx），或让本站的代理访问该服务并使用本站上的路径（\"/identity/v3\"、\"/image\"）。"),
    csp_setting_catalog: "服务目录中的镜像端点，或 config.json 中的 \"image_endpoint_override\"",
    catalog_no_image_service: "此云的服务目录中没有镜像服务（类型 \"image\"）。请联系管理员，或在 config.json 中设置 \"image_endpoint_override\"。",
    catalog_no_endpoint,
    catalog_url_not_http: Template("服务目录中的镜像端点是 \"{0}\"，不是 http(s) 地址。请联系管理员修正服务目录，或在 config.json 中设置 \"image_endpoint_override\"。"),
    catalog_mixed_content: Template("服务目录中的镜像端点是 \"{0}\"，一个 http:// 地址，但此页面是通过 https:// 加载的：浏览器会阻止这种请求（混合内容）。请在 config.json 中把 \"image_endpoint_override\" 设为 https:// 地址或本站代理后的路径（例如 \"/image\"）。"),
    gateway_error: [
        Template("Web 服务器没有从 {0} 得到应答（HTTP {1}）：{0} 暂时不可用（已停止、维护中或过载）。请稍后重试；如持续出现，请联系管理员检查 {0}。"),
        Template("Web 服务器没有及时从 {0} 得到应答（HTTP {1}）：{0} 未在时限内应答。更改可能仍已生效：请刷新页面查看 {0} 中的实际内容。如持续出现，请联系管理员检查 {0}。"),
        Template("Web 服务器没有从 {0} 得到应答（HTTP {1}）：其代理无法连接 {0}，或不信任它的证书。请联系管理员检查代理到 {0} 的连接。"),
    ],
    config_fetch_failed: Template("无法获取 config.json：{0}"),
    config_timed_out: Template("config.json 在 {0} 秒内没有送达。"),
    config_http: Template("无法加载 config.json（HTTP {0}）。请在 index.html 旁放置 config.json。"),
    config_unreadable: Template("无法读取 config.json：{0}"),

    login_title: "登录",
    login_intro: "使用您的 OpenStack 账户登录，查看并共享项目的镜像。",
    login_for_invitation: "有一个使用镜像的邀请：请登录收到邀请的项目，以查看并答复。",
    method_password: "密码",
    method_app_credential: "应用凭证",
    login_method: "登录方式",
    user_name: "用户名",
    password: "密码",
    user_domain: "用户域",
    project_name: "项目",
    project_domain: "项目域",
    app_credential_id: "应用凭证 ID",
    app_credential_secret: "密钥",
    log_in: "登录",
    logging_in: "正在登录…",
    login_failed: "登录失败",
    field_required: "请填写此字段。",

    signed_in_as: "当前用户",
    project: "项目",
    project_id: "项目 ID",
    current_project_id: "当前项目 ID",
    switch_project: "切换项目",
    switching_project: "正在切换项目…",
    projects_unreadable: "无法读取您的项目列表，只能选择当前项目",
    copy: "复制",
    copy_what,
    copied: "已复制",
    log_out: "退出登录",
    menu: "菜单",
    invitations_badge: Template("{0} 个待答复"),
    invitations_badge_hint: "等待本项目答复的镜像共享邀请",
    session_expires_in: Template("您的会话将在 {0}后过期。"),
    renew: "重新登录",
    session_expired_title: "会话已过期",
    session_expired_body: "请重新登录以继续。此页面上的内容不会丢失：登录后请重试刚才的操作。",
    cancel: "取消",
    close: "关闭",
    no_image_service: "无法从此页面使用镜像服务。",
    duration: crate::format::human_duration_zh,

    error_title: "出现错误",
    request_id: "请求 ID",
    network_error: "无法连接到服务。请检查网络连接，或询问管理员是否允许此应用的地址（CORS）。",
    unreadable_answer: Template("无法读取应答内容（与 API 文档不符）：{0}"),
    other_image,
    other_member,
    unauthorized_hint: "凭证或令牌未被接受。",
    stale_marker_hint: "此地址显示的是列表的后续页，它从一个本项目现在看不到的镜像之后开始（该镜像已被删除，或已不再共享给本项目）。请从第一页重新开始。",
    forbidden_hint: "您在此项目中的角色不允许此操作。",
    no_project: "Keystone 接受了登录，但您不是任何项目的成员，因此无法列出镜像。请联系云管理员将您加入一个项目。",
    retry: "重试",

    catalog_title: "镜像",
    view_mine: "我的镜像",
    view_shared: "共享给我的",
    view_invitations: "邀请",
    view_rejected: "已拒绝",
    view_public: "公有",
    view_community: "社区",
    view_all: "全部",
    col_name: "名称",
    col_status: "状态",
    col_visibility: "可见性",
    col_size: "大小",
    col_disk_format: "磁盘格式",
    col_owner: "所有者",
    col_created: "创建时间",
    col_updated: "更新时间",
    col_member_status: "成员状态",
    loading: "正在加载…",
    next_page: "下一页",
    first_page: "第一页",
    previous_page: "上一页",
    page_size: "每页",
    sort_by: "排序",
    sort_order: "顺序",
    ascending: "升序",
    descending: "降序",
    filter_name_exact: "名称（精确）",
    filter_status: "状态",
    filter_disk_format: "磁盘格式",
    filter_tag: "标签",
    any: "任意",
    filter_contains: "名称包含（仅本页）",
    filter_visibility: "可见性",
    filter_container_format: "容器格式",
    filter_protected: "受保护",
    filter_hidden: "隐藏的镜像",
    filter_size_min: "最小大小（MiB）",
    filter_size_max: "最大大小（MiB）",
    filter_created: "创建时间",
    filter_updated: "更新时间",
    on_or_after: "不早于",
    on_or_before: "不晚于",
    only_hidden: "仅隐藏的",
    contains_note: "“名称包含”只筛选本页的行：Glance 不支持子串搜索。",
    apply_filters: "应用",
    clear_filters: "清除",
    more_filters: "更多筛选条件",
    active_filters: "当前筛选条件",
    label_separator: "：",
    remove_filter: Template("移除筛选条件“{0}”"),
    empty_mine: "此项目没有符合条件的镜像。",
    empty_shared: "还没有共享给此项目的镜像。",
    empty_invitations: "没有待处理的邀请。",
    empty_rejected: "没有已拒绝的镜像。",
    empty_public: "没有符合条件的公有镜像。",
    empty_other: "没有符合条件的镜像。",
    images_shown: Counted::same("显示 {0} 个镜像"),
    no_name: "（无名称）",
    image_status,
    visibility,

    image_not_found: Template("未找到镜像：{0}。它可能已被删除，或对此项目不可见。"),
    image_not_found_title: "未找到镜像",
    image_unreadable_title: "无法读取镜像",
    edit_unsaved: "尚未保存：点击“保存”后更改才会生效。",
    visibility_press_enter: "尚未保存：按 Enter 键保存此可见性（离开这些选项也会保存）。",
    back_to_catalog: "返回镜像列表",
    field_id: "ID",
    field_container_format: "容器格式",
    field_virtual_size: "虚拟大小",
    field_checksum: "校验和（MD5）",
    field_hash: "哈希",
    field_stores: "存储",
    field_min_disk: "最小磁盘（GB）",
    field_min_ram: "最小内存（MB）",
    field_protected: "受保护",
    field_hidden: "隐藏",
    field_tags: "标签",
    custom_properties: "自定义属性",
    no_custom_properties: "没有自定义属性。",
    yes: "是",
    no: "否",

    sharing_title: "共享",
    visibility_label: "可见性",
    visibility_unknown: "未知可见性",
    vis_private_help: "只有本项目可以查看和使用此镜像。",
    vis_shared_help: "本项目以及接受共享的成员项目可见。没有成员时，其他项目都看不到。",
    vis_community_help: "所有项目都可以通过 ID 使用它，但默认不在列表中显示。策略可能禁止此设置。",
    vis_public_help: "所有项目都能在列表中看到。通常只有管理员可以发布。",
    saving: "正在保存…",
    add_members_title: "添加项目",
    add_members_label: "项目 ID（多个时用换行、逗号或空格分隔）",
    add_members_hint: "您自己的项目可以使用名称；其他项目请粘贴对方提供的项目 ID。",
    add_members_button: "添加成员",
    nothing_to_add: "请至少输入一个项目 ID 或名称。",
    entry_malformed: "不是有效的项目 ID",
    entry_unaddressable: "不是有效的项目 ID：“.” 和 “..” 不能用在网址中，浏览器将无法移除这样的成员",
    cli_command: "命令",
    member_unaddressable: "浏览器无法访问此成员：它的 ID 是点路径段，浏览器会把它解析成另一个地址（镜像本身）。请在命令行中移除它，并将 GLANCE_URL 设为镜像服务的地址（openstack catalog show image）：",
    member_with_slash: "此成员的 ID 含有“/”、控制字符或非 ASCII 字符，或过长：针对它的请求会发往另一个地址（另一个镜像）或另一个成员，因此本应用不发送任何请求。将镜像设为私有可对所有成员隐藏此镜像。",
    entry_duplicate: "重复列出",
    entry_already_member: "已经是成员",
    entry_own_project: "这是镜像自己的项目",
    entry_added: "已添加（待接受）",
    entry_quota: "未添加：此镜像的成员数已达到云平台上限（413）",
    make_shared_first: "此镜像是私有的：共享之前无法添加项目。要将其设为共享并添加吗？",
    make_shared_first_wider: Template("只能向共享镜像添加项目；此镜像对所有项目可见（{0}）。要将其设为共享（之后只有成员可见）并添加吗？"),
    make_shared_and_add: "设为共享并添加",
    doubtful_entries: |entries| {
        format!(
            "既不是您的项目名称，也不像项目 ID（32 位十六进制字符）：{}。Glance 会原样保存，但没有任何项目能看到此邀请。请检查，或向该项目索取其 ID。",
            join_list(entries)
        )
    },
    add_anyway: "仍然添加",
    members_title: "成员",
    members_need_shared: "只有共享镜像才有成员。此镜像共享时的成员由 Glance 保留：重新设为共享后，它们会回来。",
    confirm_leave_shared,
    change_visibility: "更改可见性",
    no_members: "此镜像没有成员。没有成员的共享镜像对其他项目不可见：请添加项目，然后通知对方接受。",
    status_all: "全部",
    status_pending: "待接受",
    status_accepted: "已接受",
    status_rejected: "已拒绝",
    status_unknown: "未知状态",
    col_project: "项目",
    col_added: "添加时间",
    col_changed: "最后更改",
    col_actions: "操作",
    select_member: "选择",
    select_page: "选择本页所有镜像",
    remove: "移除",
    remove_selected: "移除所选",
    refresh: "刷新",
    accept: "接受",
    reject: "拒绝",
    set_pending: "恢复为待定",
    accept_all: "全部接受",
    confirm: "确认",
    your_status: "本项目的答复",
    not_shared_with_you: "此镜像未与本项目共享。",
    catalog_retry: "重新读取列表",
    own_answer_unreadable: "无法读取本项目的答复（错误见上方）。请点击“刷新”重试。",
    members_unreadable: "无法读取成员列表（错误见上方），因此未显示任何成员。请点击“刷新”重试。",
    confirm_remove,
    confirm_reject: Template("要拒绝镜像 {0} 吗？它将从本项目的列表中消失；您可以在“已拒绝”标签页中改变主意。"),
    confirm_accept_all: Counted::same("要接受本页全部 {0} 个邀请吗？"),
    adding_progress,
    edit_title: "编辑",
    field_name: "名称",
    add_tag: "添加标签",
    remove_tag: "移除标签",
    tag_present: "镜像已有此标签。",
    tag_blank: "请先输入要添加的标签。",
    property_key: "属性",
    property_value: "值",
    add_property: "添加属性",
    new_property_value: "新值",
    remove_property: "移除属性",
    save: "保存",
    saved: "已保存。",
    visibility_saved: "可见性已更改。",
    nothing_changed: "没有更改。",
    changed_elsewhere: "在此期间其他人更改了此镜像。表单现在显示当前值；请重新进行更改。",
    draft_kept: "上次未保存的更改已恢复到表单中。",
    discard_changes: "放弃更改",
    property_key_empty: "请先输入属性名。",
    property_key_reserved: Template("{0} 是 Glance 自身的字段，不能设为自定义属性。"),
    property_key_exists: Template("{0} 已在属性列表中：请在其所在行修改值。"),
    whole_number_needed: "请输入 0 到 2147483647 之间的整数。",
    actions_title: "操作",
    protect: "保护",
    unprotect: "取消保护",
    hide: "在列表中隐藏",
    unhide: "在列表中显示",
    deactivate: "取消激活",
    reactivate: "重新激活",
    delete: "删除",
    delete_selected: "删除所选",
    deactivate_selected: "取消激活所选",
    reactivate_selected: "重新激活所选",
    deactivated: "已取消激活",
    reactivated: "已重新激活",
    deleted: "已删除",
    protected_cannot_delete: "此镜像受保护，无法删除。请先取消保护。",
    confirm_delete: Template("要删除镜像 {0} 吗？此操作无法撤销。"),
    new_image: "创建镜像",
    create_title: "创建镜像",
    file_label: "镜像文件",
    choose_file: "选择文件…",
    chosen_file: Template("{0}（{1}）"),
    format_mismatch: Template("此文件的数据为 {0} 格式，而不是 {1}：上传完成后 Glance 会拒绝它。"),
    format_choose: Template("请将磁盘格式选为 {0}。"),
    no_file_chosen: "未选择文件",
    tags_comma: "标签（逗号分隔）",
    create_and_upload: "创建镜像",
    upload_data: "上传数据…",
    send_data: "上传数据",
    send_data_title: Template("向 {0}（{1}）上传数据"),
    creating: "正在创建镜像记录…",
    cancel_upload: "取消上传",
    upload_cancelled: "上传已取消。镜像记录仍在，但没有数据。",
    upload_failed: "上传失败。镜像记录仍在。",
    no_data_after_upload: Template("Glance 应答上传已完成，但镜像中没有数据（状态：{0}）。请重新上传文件。"),
    create_failed: "镜像未创建。",
    image_ready: "镜像已可用。",
    retry_upload: "重试上传",
    delete_record: "删除镜像记录",
    send_data_not_queued: Template("此镜像的状态为{0}：Glance 只接受尚无数据（已排队）的镜像的数据。"),
    waiting_active: "上传完成；正在等待 Glance 激活镜像…",
    open_image: "打开镜像",
    name_required: "请为镜像命名。",
    protected_label: "受保护（无法删除）",
    upload_progress,
    data_source_label: "Glance 获取数据的方式",
    source_upload: "上传文件",
    source_stage: "先暂存文件，再导入（glance-direct）",
    source_web: "由 Glance 从 URL 下载（web-download）",
    url_label: "镜像 URL",
    url_required: "请输入 Glance 下载镜像所用的 URL。",
    file_required: "请选择要上传的镜像文件。",
    url_not_http: "Glance 只能下载 http:// 和 https:// 的 URL。",
    import_failed: "导入失败。镜像记录仍在。",
    import_no_reason: "Glance 没有说明原因。",
    import_leave_hint: "离开此页面后，Glance 仍会继续导入。",
    retry_import: "重试导入",
    importing: Template("Glance 正在导入镜像（状态：{0}）…"),
    timed_out: Template("{0} 在 {1} 秒内没有应答。它可能过载或无法访问，请稍后重试。"),
    unreachable: Template("无法连接到 {0}（连接失败或中断）。请检查网络连接后重试。"),
    unaddressable_id: Template("“{0}”不能用于网址：它过长，或浏览器会把请求发往另一个资源，因此没有发送。请改用命令行处理。"),
    revoke_failed: Template("您已在此标签页退出登录，但 Keystone 没有吊销令牌：它在 {0} 之前仍然有效。如果是共用计算机，请关闭浏览器。"),

    download: "下载",
    cancel_download: "取消下载",
    download_cancelled: "下载已取消，未保存任何内容。",
    download_failed: "下载失败",
    download_fallback_note: "此浏览器无法在下载时直接写入磁盘：镜像会先保存在浏览器内存中，完成后再保存。对于很大的镜像，请使用基于 Chromium 的浏览器或命令行。",
    checksum_missing: "Glance 没有记录此镜像的校验和，因此无法验证数据。",
    download_progress,
    download_saved: Template("已保存为 {0}。"),
    checksum_ok: Template("校验和已验证：下载数据的 {0} 与 Glance 记录的一致。"),
    checksum_unsupported: Template("Glance 记录的是 {0} 校验和，本应用无法计算：数据未经验证。"),
    checksum_mismatch: Template("校验和不匹配：Glance 记录的 {0} 为 {1}，下载的数据为 {2}。请勿使用此文件。"),
    upload_running: "正在上传。",
    stage_running: "正在暂存文件以供导入（glance-direct）。",
    download_running: "正在下载。",
    leave_page_question: "要离开此页面并取消吗？",
    record_stays_note: "镜像记录会保留，但没有数据：可在其详情页上传数据或删除它。",
    switch_project_question: "要切换项目并取消吗？",
    log_out_question: "要退出登录并取消吗？",
    leave_question: Template("{0}{1}"),
    upload_stalled: Template("上传停滞：{0} 秒内没有数据传输，已停止上传。镜像记录仍在，但没有数据。"),
    download_stalled: Template("下载停滞：{0} 秒内没有收到数据，已停止下载。未保存任何内容。"),
    page_not_found: "此地址没有页面。",
    page_code_failed: "无法加载应用的这一部分：浏览器未能从服务器获取其代码。请检查网络连接后重试。",
    page_code_timed_out: Template("无法加载应用的这一部分：服务器未在 {0} 秒内发送其代码。请检查网络连接后重试。"),
    page_loading: "正在加载页面…",
    bulk_leave_hint: "您可以离开此页面：结果将显示在页面顶部。切换项目或退出登录会停止发送尚未发出的请求。",
    bulk_progress,
    not_sent: "未发送",
    dismiss: "关闭",
    notices_label: "操作结果",
    notice_deleted,
    notice_deactivated,
    notice_reactivated,
    notice_accepted,
    notice_added,
    notice_removed,
    not_sent_project_switch: Template("{0} 个未发送：轮到它们之前您切换了项目，它们不会使用其他项目的令牌发送。"),
    not_sent_logout: Template("{0} 个未发送：轮到它们之前您已退出登录。"),
    confirm_delete_many,
    confirm_deactivate_many,
    confirm_reactivate_many,
    pagination: "分页",
    main_nav: "主导航",
    upload_progress_name: "上传进度",
    download_progress_name: "下载进度",
    bulk_progress_name: "进度",
    invitation_title: "使用镜像的邀请",
    invitation_link: "邀请链接",
    invitation_link_hint: "把此链接发给共享对象项目：打开后即可接受或拒绝该镜像。",
    invitation_own_image: "此镜像属于当前项目；该链接供共享对象项目使用。",
    invitation_not_visible: Template("项目 {1} 看不到镜像 {0}：它未共享给此项目，或已不存在。"),
    invitation_try_other: "如果所有者将它共享给了您的其他项目，请切换到该项目：",
    switch_to: Template("切换到 {0}"),
    your_project_id: "当前项目 ID（提供给所有者）",
    // --- Accessibility (issue 13) ---
    images_caption: "本页镜像",
    members_caption: "此镜像共享给的项目",
    add_members_keys_hint: "按 Enter 添加；按 Shift+Enter 换行。",
    your_projects: "您的项目：",
    already_deleted: "该镜像已被删除（Glance 中已不存在）。",
    deleted_named: Template("已删除 {0}。"),
    record_refused_data: "此镜像记录不能再接收数据：请删除它，并使用与文件相符的磁盘格式重新创建镜像。",
    record_in_other_project: "该镜像记录属于您切换之前的项目：请切换回该项目，再重新上传数据或删除该记录。",
    answered_accepted: Template("您已接受镜像 {0}。"),
    answered_rejected: Template("您已拒绝镜像 {0}。"),
    answered_pending: Template("镜像 {0} 已恢复为待接受。"),
    answered_other: Template("Glance 的应答称本项目的答复现为“{0}”，而不是“{1}”。"),
    // Access overview
    access_title: "访问概览",
    access_intro: "当前项目共享的每个镜像有哪些项目可以访问，以及它们的状态。",
    access_listing: "正在列出当前项目的共享镜像……",
    access_progress: |d, t| format!("已读取 {t} 个镜像中 {d} 个的成员"),
    access_counts: |n, p, a, r, unknown| {
        let known = format!("{n} 个成员：{p} 个待接受，{a} 个已接受，{r} 个已拒绝");
        if unknown == 0 { known } else { format!("{known}，{unknown} 个状态未知") }
    },
    access_filters: "筛选成员",
    access_filter_project: "项目（ID 或名称）",
    access_filter_status: "状态",
    access_filter_image: "镜像名称",
    access_any_status: "任意状态",
    access_col_image: "镜像",
    access_col_image_id: "镜像 ID",
    access_col_project: "项目",
    access_col_project_id: "项目 ID",
    access_col_status: "状态",
    access_col_status_raw: "状态（Glance 值）",
    access_col_added: "添加时间",
    access_col_changed: "更改时间",
    access_select_row: Template("选择镜像 {1} 上的 {0}"),
    access_select_all: "选择所有显示的成员",
    access_remove: Template("移除访问权限（{0}）"),
    access_remove_confirm: Counted::same("要移除 {0} 个成员的访问权限吗？这些项目将无法再看到相应镜像。"),
    access_remove_label: "移除访问权限",
    access_remove_rejected: Template("移除所有已拒绝的成员（{0}）"),
    access_rows_listed,
    access_remove_rejected_confirm: Counted::same("要移除 {0} 个已拒绝镜像的成员吗？"),
    access_removed: Template("已从 {1} 移除 {0}"),
    access_remove_failed: Template("无法从 {1} 移除 {0}"),
    access_not_sent: Template("未发送（会话已变更）：{1} 上的 {0}"),
    access_results: "移除结果",
    access_export: "导出 CSV",
    app_credential_refused_hint: "请检查应用凭证 ID 和密钥。如果该凭证已过期或已被删除，Keystone 也会这样应答。",
    login_refused_hint: "请检查用户名和密码。如果项目（或域）名称拼写有误，或用户在该项目中没有角色，Keystone 也会这样应答：请核对项目的确切名称，或请其管理员添加您。",
    access_caption: "本项目镜像的成员",
    edit_properties_caption: "现有属性",
    access_exported: Counted::same("已保存 access-overview.csv：{0} 行。"),
    access_export_partial: Counted::same("文件中缺少 {0} 个无法读取成员的镜像（见上方）：请重新加载后再试。"),
    access_reload: "重新加载",
    access_empty: "当前项目没有共享给其他项目的镜像。",
    access_none_match: "没有符合筛选条件的成员。",
    access_image_failed: Template("无法读取 {0} 的成员"),
    access_list_failed: "无法列出共享镜像",
    access_project_label: "要从所有显示的镜像中移除的成员",
    access_project_choose: "选择项目",
    access_project_option: |name, id| match name {
        Some(name) => format!("{name}（{id}）"),
        None => id.to_string(),
    },
    access_remove_project: Counted::same("从 {0} 个镜像中移除"),
    access_remove_project_confirm: Counted::same("要从 {1} 个镜像中移除项目 {0} 吗？该项目将无法再看到这些镜像。"),
    access_retry: Template("重试失败项（{0}）"),
    // Share many
    share_many_button: "共享给项目…",
    share_many_title: Counted::same("将 {0} 个镜像共享给项目"),
    share_many_make_shared: Counted::same("先将 {0} 个私有镜像设为共享"),
    share_many_submit: "共享",
    share_many_retry: "重试失败项",
    share_many_made_shared: "已设为共享",
    share_many_skipped: "私有：已跳过，未共享给任何项目",
    share_many_not_made_shared: Template("未能设为共享，因此未共享给任何项目：{0}"),
    share_many_summary: Counted::same("共享给项目：{1} 个镜像与项目的组合中成功 {0} 个"),
};
