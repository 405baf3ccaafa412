// The reports: the index of digests and yearly reports, and the page that shows one.
export default {
  ja: {
    "nav.reports": "報告",
    "reports.title": "報告",
    "reports.intro": "月次ダイジェストは各事案を通知の原文の文で伝えます。年次報告は原因・媒体・業種・月・種類別の集計、教訓は公表された再発防止策です。",
    "reports.monthly": "月次ダイジェスト",
    "reports.annual": "年次報告",
    "reports.lessons": "教訓(再発防止策)",
    "reports.count": "{n}件",
    "reports.none": "まだ事案がありません。",
    "reports.feed": "月次ダイジェストの Atom フィード",
    "reports.print": "印刷 / PDF",
    "reports.back": "報告の一覧へ",
  },
  en: {
    "nav.reports": "Reports",
    "reports.title": "Reports",
    "reports.intro": "Monthly digests tell each incident in its notice's own sentences; annual reports count by cause, medium, sector, month and type; lessons quote the measures organisations announced.",
    "reports.monthly": "Monthly digests",
    "reports.annual": "Annual reports",
    "reports.lessons": "Lessons (measures)",
    "reports.count": "{n} incidents",
    "reports.none": "No incidents yet.",
    "reports.feed": "Atom feed of monthly digests",
    "reports.print": "Print / PDF",
    "reports.back": "All reports",
  },
};
