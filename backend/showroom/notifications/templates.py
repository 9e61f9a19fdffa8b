"""E-mail texts in every UI language. Placeholders use ``str.format`` names."""

from __future__ import annotations

from typing import Final, NamedTuple


class MailText(NamedTuple):
    subject: str
    body: str


TEMPLATES: Final[dict[str, dict[str, MailText]]] = {
    "signup_code": {
        "en": MailText(
            "Verify your e-mail | Showroom",
            "Your Showroom verification code is:\n\n    {code}\n\n"
            "Enter it on the sign-up screen within {minutes} minutes.\n"
            "If you did not try to sign up, you can ignore this e-mail.",
        ),
        "ja": MailText(
            "メールアドレスの確認 | Showroom",
            "Showroom の認証コードは次のとおりです。\n\n    {code}\n\n"
            "{minutes} 分以内にサインアップ画面で入力してください。\n"
            "お心当たりのない場合は、このメールを破棄してください。",
        ),
        "zh-Hans": MailText(
            "验证您的电子邮箱 | Showroom",
            "您的 Showroom 验证码是：\n\n    {code}\n\n"
            "请在 {minutes} 分钟内在注册页面输入。\n"
            "如果您没有尝试注册，请忽略此邮件。",
        ),
    },
    "password_reset": {
        "en": MailText(
            "Reset your password | Showroom",
            "Hello {name},\n\nOpen this link within one hour to choose a new password:\n\n"
            "{url}\n\nThe link works once. If you did not ask for it, ignore this e-mail; "
            "your password stays unchanged.",
        ),
        "ja": MailText(
            "パスワードの再設定 | Showroom",
            "{name} 様\n\n1 時間以内に次のリンクを開き、新しいパスワードを設定してください。\n\n"
            "{url}\n\nリンクは 1 回だけ使えます。"
            "お心当たりのない場合はこのメールを破棄してください。パスワードは変更されません。",
        ),
        "zh-Hans": MailText(
            "重置密码 | Showroom",
            "{name}，您好：\n\n请在一小时内打开以下链接设置新密码：\n\n"
            "{url}\n\n该链接只能使用一次。如果您没有提出此请求，请忽略此邮件，您的密码不会改变。",
        ),
    },
    "buyer_member_invitation": {
        "en": MailText(
            "{inviter} invited you to {organization} | Showroom",
            "{inviter} invited you to join the buyer organization {organization} on Showroom "
            "as {role}.\n\nAccept the invitation:\n\n{url}\n\n"
            "If you have no Showroom account yet, you can create one from that page. "
            "The invitation expires on {expires}.",
        ),
        "ja": MailText(
            "{inviter} さんから {organization} への招待 | Showroom",
            "{inviter} さんが、Showroom のバイヤー組織「{organization}」に{role}として"
            "あなたを招待しました。\n\n次のリンクから招待を承認してください。\n\n{url}\n\n"
            "Showroom のアカウントをお持ちでない場合は、このページから作成できます。"
            "招待の有効期限は {expires} です。",
        ),
        "zh-Hans": MailText(
            "{inviter} 邀请您加入 {organization} | Showroom",
            "{inviter} 邀请您以{role}身份加入 Showroom 上的买家组织“{organization}”。\n\n"
            "接受邀请：\n\n{url}\n\n如果您还没有 Showroom 账户，可以在该页面创建。"
            "邀请将于 {expires} 过期。",
        ),
    },
    "brand_member_invitation": {
        "en": MailText(
            "{inviter} invited you to the brand {organization} | Showroom",
            "{inviter} invited you to help run the brand {organization} on Showroom "
            "as {role}.\n\nAccept the invitation:\n\n{url}\n\n"
            "If you have no Showroom account yet, you can create one from that page. "
            "The invitation expires on {expires}.",
        ),
        "ja": MailText(
            "{inviter} さんからブランド {organization} への招待 | Showroom",
            "{inviter} さんが、Showroom のブランド「{organization}」の{role}として"
            "あなたを招待しました。\n\n次のリンクから招待を承認してください。\n\n{url}\n\n"
            "Showroom のアカウントをお持ちでない場合は、このページから作成できます。"
            "招待の有効期限は {expires} です。",
        ),
        "zh-Hans": MailText(
            "{inviter} 邀请您加入品牌 {organization} | Showroom",
            "{inviter} 邀请您以{role}身份参与管理 Showroom 上的品牌“{organization}”。\n\n"
            "接受邀请：\n\n{url}\n\n如果您还没有 Showroom 账户，可以在该页面创建。"
            "邀请将于 {expires} 过期。",
        ),
    },
}

TEMPLATES["customer_invitation"] = {
    "en": MailText(
        "{brand} invites you to order on Showroom",
        "{brand} would like to trade with you on Showroom.\n\n{message}\n\n"
        "Review the terms and accept:\n\n{url}\n\n"
        "Accepting connects one of your buyer organizations to {brand}: its catalogs then "
        "appear under Connected Brands. The invitation expires on {expires}.",
    ),
    "ja": MailText(
        "{brand} から Showroom での取引のご案内",
        "{brand} から Showroom での取引のご案内が届いています。\n\n{message}\n\n"
        "取引条件を確認して承認してください。\n\n{url}\n\n"
        "承認すると、バイヤー組織が {brand} とつながり、カタログが「取引ブランド」に表示されます。"
        "招待の有効期限は {expires} です。",
    ),
    "zh-Hans": MailText(
        "{brand} 邀请您在 Showroom 上下单",
        "{brand} 希望与您在 Showroom 上开展交易。\n\n{message}\n\n"
        "查看交易条件并接受：\n\n{url}\n\n"
        "接受后，您的买家组织将与 {brand} 建立连接，其目录会显示在“已连接品牌”中。"
        "邀请将于 {expires} 过期。",
    ),
}

ROLE_NAMES: Final[dict[str, dict[str, str]]] = {
    "owner": {"en": "an owner", "ja": "オーナー", "zh-Hans": "所有者"},
    "member": {"en": "a member", "ja": "メンバー", "zh-Hans": "成员"},
    "admin": {"en": "an admin", "ja": "管理者", "zh-Hans": "管理员"},
    "staff": {"en": "staff", "ja": "スタッフ", "zh-Hans": "员工"},
}

TEMPLATES["order_placed_buyer"] = {
    "en": MailText(
        "Order {number} sent to {brand} | Showroom",
        "Your order {number} has been sent to {brand}.\n\n"
        "Catalog: {catalog}\nQuantity: {quantity}\nTotal: {total}\n\n"
        "The brand will confirm it. You can follow it on the Orders page:\n\n{url}",
    ),
    "ja": MailText(
        "注文 {number} を {brand} に送信しました | Showroom",
        "注文 {number} を {brand} に送信しました。\n\n"
        "カタログ：{catalog}\n数量：{quantity}\n合計：{total}\n\n"
        "ブランドの確認をお待ちください。注文ページで状況を確認できます。\n\n{url}",
    ),
    "zh-Hans": MailText(
        "订单 {number} 已发送给 {brand} | Showroom",
        "您的订单 {number} 已发送给 {brand}。\n\n"
        "目录：{catalog}\n数量：{quantity}\n合计：{total}\n\n"
        "品牌将确认此订单。您可以在订单页面查看进度：\n\n{url}",
    ),
}

TEMPLATES["order_placed_brand"] = {
    "en": MailText(
        "New order {number} from {buyer} | Showroom",
        "{buyer} placed order {number}.\n\n"
        "Catalog: {catalog}\nQuantity: {quantity}\nTotal: {total}\n\n"
        "Confirm or reject it in your order inbox:\n\n{url}",
    ),
    "ja": MailText(
        "{buyer} から新しい注文 {number} | Showroom",
        "{buyer} から注文 {number} が届きました。\n\n"
        "カタログ：{catalog}\n数量：{quantity}\n合計：{total}\n\n"
        "受注一覧で承認または却下してください。\n\n{url}",
    ),
    "zh-Hans": MailText(
        "来自 {buyer} 的新订单 {number} | Showroom",
        "{buyer} 下了订单 {number}。\n\n"
        "目录：{catalog}\n数量：{quantity}\n合计：{total}\n\n"
        "请在订单收件箱中确认或拒绝：\n\n{url}",
    ),
}

TEMPLATES["order_status_changed"] = {
    "en": MailText(
        "Order {number}: {status} | Showroom",
        "{brand} changed your order {number}: {status}.\n\n{note}\n\nSee the order:\n\n{url}",
    ),
    "ja": MailText(
        "注文 {number}：{status} | Showroom",
        "{brand} が注文 {number} を更新しました：{status}。\n\n{note}\n\n注文を確認する：\n\n{url}",
    ),
    "zh-Hans": MailText(
        "订单 {number}：{status} | Showroom",
        "{brand} 更新了您的订单 {number}：{status}。\n\n{note}\n\n查看订单：\n\n{url}",
    ),
}

ORDER_STATUS_NAMES: Final[dict[str, dict[str, str]]] = {
    "placed": {"en": "placed", "ja": "注文済み", "zh-Hans": "已下单"},
    "confirmed": {"en": "confirmed", "ja": "承認済み", "zh-Hans": "已确认"},
    "shipped": {"en": "shipped", "ja": "発送済み", "zh-Hans": "已发货"},
    "completed": {"en": "completed", "ja": "完了", "zh-Hans": "已完成"},
    "rejected": {"en": "rejected", "ja": "却下", "zh-Hans": "已拒绝"},
    "returned_to_cart": {
        "en": "returned to your cart",
        "ja": "カートに戻されました",
        "zh-Hans": "已退回购物车",
    },
}
