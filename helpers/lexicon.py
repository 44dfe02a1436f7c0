"""Arabic-generic word lists shared by the extractors (no conflict knowledge here).

Entries are written in ordinary Arabic spelling; the extractors normalise them with
`helpers.text.normalize` when they build their patterns, so أ/ا, ة/ه, ى/ي variants match.
Conflict knowledge (parties, actors, places, side words) lives in the profile YAML.

Sections: (1) numbers and loss nouns (losses extractor), (2) reporting verbs (statements /
attribution). Keep edits additive and inside your own section.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# =====================================================================================
# (1) NUMBERS, QUALIFIERS AND LOSS NOUNS  (owner: losses extractor)
# =====================================================================================

# --- number words (value per written form; masculine/feminine and case forms) ---------
NUMBER_UNITS: dict[str, int] = {
    "واحد": 1, "واحدة": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8,
    "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}
# First word of 11 and 12 ("أحد عشر", "إحدى عشرة", "اثنا عشر", "اثنتي عشرة").
NUMBER_TEEN_HEADS: dict[str, int] = {
    "أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}
NUMBER_TEEN_TAILS: tuple[str, ...] = ("عشر", "عشرة")
NUMBER_TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
NUMBER_HUNDREDS: dict[str, int] = {
    "مئة": 100, "مائة": 100, "مية": 100,
    "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "مئتا": 200, "مائتا": 200, "مئتي": 200, "مائتي": 200,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500,
    "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800,
    "ثمانيمئة": 800, "ثمانيمائة": 800, "تسعمئة": 900, "تسعمائة": 900,
}
# Multipliers: a preceding count multiplies them ("خمسة آلاف", "30 ألف", "عشرين ألفا").
NUMBER_MULTIPLIERS: dict[str, int] = {
    "ألف": 1000, "آلاف": 1000, "ألفا": 1000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليونا": 1_000_000,
    "مليار": 1_000_000_000, "مليارات": 1_000_000_000,
}
# Dual forms standing alone are a value of their own ("ألفا جندي", "ألفين").
NUMBER_DUAL_MULTIPLIERS: dict[str, int] = {
    "ألفان": 2000, "ألفين": 2000, "ألفي": 2000, "ألفا": 2000,
    "مليونان": 2_000_000, "مليونين": 2_000_000,
}
# Vague plurals, coded as ACLED does (عشرات -> 10, مئات -> 100, آلاف -> 1000).
VAGUE_NUMBERS: dict[str, int] = {
    "عشرات": 10, "العشرات": 10, "مئات": 100, "المئات": 100, "آلاف": 1000, "الآلاف": 1000,
    "عشرات الآلاف": 10_000, "مئات الآلاف": 100_000, "ملايين": 1_000_000,
}

# --- qualifiers around a number ---------------------------------------------------------
QUALIFIERS_BEFORE: dict[str, str] = {
    "نحو": "approx", "حوالي": "approx", "حوالى": "approx", "قرابة": "approx", "زهاء": "approx",
    "ما يقارب": "approx", "يقارب": "approx", "ما يقرب من": "approx", "ما يناهز": "approx",
    "يناهز": "approx", "تقريبا": "approx", "يقترب من": "approx", "تقترب من": "approx",
    "ما يقرب": "approx", "قرابة الـ": "approx",
    "أكثر من": "more_than", "ما يزيد عن": "more_than", "ما يزيد على": "more_than",
    "يزيد عن": "more_than", "يزيد على": "more_than", "أزيد من": "more_than",
    "ما يربو على": "more_than", "يربو على": "more_than", "ما يفوق": "more_than", "يفوق": "more_than",
    "ما لا يقل عن": "at_least", "لا يقل عن": "at_least", "على الأقل": "at_least",
    "ما يصل إلى": "up_to", "يصل إلى": "up_to", "حتى": "up_to", "أقل من": "up_to",
    "ما دون": "up_to",
    "لا يتجاوز": "up_to", "لا تتجاوز": "up_to", "ما لا يتجاوز": "up_to", "لا يزيد عن": "up_to",
    "لا يزيد على": "up_to", "يتجاوز": "more_than", "تتجاوز": "more_than",
    "ما يزيد قليلا على": "more_than", "ما يزيد قليلا عن": "more_than", "يزيد قليلا على": "more_than",
    "أكثر بقليل من": "more_than",
    # "بضع عشرات": a few tens, still the vague code of the plural (the words stay in number_text)
    "بضع": "vague", "بضعة": "vague",
}
QUALIFIERS_AFTER: dict[str, str] = {"على الأقل": "at_least", "تقريبا": "approx", "على الاقل": "at_least"}

# --- words right after a number that make it something other than a loss ---------------
NON_LOSS_UNITS: tuple[str, ...] = (
    # calibre
    "ملم", "مم", "ملليمتر", "مليمتر", "ميليمتر",
    # time
    "عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "عاماً", "ساعة", "ساعات", "يوم", "يوما", "أيام",
    "أسبوع", "أسبوعا", "أسابيع", "شهر", "شهرا", "أشهر", "شهور", "دقيقة", "دقائق", "ثانية", "ثوان", "ليلة",
    "ليال", "عقد", "عقود", "قرن",
    # distance, height, size, money
    "كم", "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "متر", "مترا", "أمتار", "ميل", "أميال",
    "كغ", "كيلوغرام", "طن", "أطنان", "هكتار", "دولار", "دولارا", "يورو", "روبل", "مانات", "درام",
    # shares
    "بالمئة", "بالمائة", "في المئة", "في المائة", "%", "بالمية",
    # the noun after a year
    "م", "ه", "هـ",
)
MONTHS: tuple[str, ...] = (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
    "آب", "أيلول", "تشرين", "جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت",
    "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي",
)

# --- loss nouns --------------------------------------------------------------------------
# Head nouns with their plural and dual forms. kind: casualty (the noun itself says what
# happened), person (needs a casualty word around it), equipment, building, settlement.
# population applies to people.
LOSS_HEADS: dict[str, dict] = {
    # people: the noun itself names the casualty
    "قتيل": {"pl": ["قتلى"], "du": ["قتيلين", "قتيلان"], "kind": "casualty", "cat": "killed"},
    "ضحية": {"pl": ["ضحايا"], "du": ["ضحيتين"], "kind": "casualty", "cat": "killed"},
    "شهيد": {"pl": ["شهداء"], "du": ["شهيدين"], "kind": "casualty", "cat": "killed"},
    "جريح": {"pl": ["جرحى"], "du": ["جريحين", "جريحان"], "kind": "casualty", "cat": "wounded"},
    "مصاب": {"pl": ["مصابين", "مصابون"], "du": [], "kind": "casualty", "cat": "wounded"},
    "مفقود": {"pl": ["مفقودين", "مفقودون"], "du": [], "kind": "casualty", "cat": "missing"},
    "أسير": {"pl": ["أسرى"], "du": ["أسيرين"], "kind": "casualty", "cat": "prisoners"},
    "معتقل": {"pl": ["معتقلين"], "du": [], "kind": "casualty", "cat": "prisoners"},
    # people: who they are (the casualty word is elsewhere)
    "جندي": {"pl": ["جنود"], "du": ["جنديين", "جنديان"], "kind": "person", "pop": "military"},
    "عسكري": {"pl": ["عسكريين", "عسكريون"], "du": ["عسكريان"], "kind": "person", "pop": "military"},
    "ضابط": {"pl": ["ضباط"], "du": ["ضابطين", "ضابطان"], "kind": "person", "pop": "military"},
    "مقاتل": {"pl": ["مقاتلين", "مقاتلون"], "du": ["مقاتلان"], "kind": "person", "pop": "military"},
    "عنصر": {"pl": ["عناصر"], "du": ["عنصرين"], "kind": "person", "pop": "military"},
    "مسلح": {"pl": ["مسلحين", "مسلحون"], "du": [], "kind": "person", "pop": "military"},
    "مرتزق": {"pl": ["مرتزقة"], "du": [], "kind": "person", "pop": "military"},
    "مدني": {"pl": ["مدنيين", "مدنيون"], "du": ["مدنيان"], "kind": "person", "pop": "civilian"},
    "طفل": {"pl": ["أطفال"], "du": ["طفلين", "طفلان"], "kind": "person", "pop": "civilian"},
    "امرأة": {"pl": ["نساء"], "du": ["امرأتين", "امرأتان"], "kind": "person", "pop": "civilian"},
    "مواطن": {"pl": ["مواطنين", "مواطنون"], "du": ["مواطنان"], "kind": "person", "pop": "civilian"},
    "صحفي": {"pl": ["صحفيين", "صحفيون"], "du": ["صحفيان"], "kind": "person", "pop": "civilian"},
    "صحافي": {"pl": ["صحافيين", "صحافيون"], "du": ["صحافيان"], "kind": "person", "pop": "civilian"},
    "فتى": {"pl": ["فتية", "فتيان"], "du": ["فتيين"], "kind": "person", "pop": "civilian"},
    "مزارع": {"pl": ["مزارعين", "مزارعون"], "du": ["مزارعان", "مزارعين"], "kind": "person", "pop": "civilian"},
    # shepherds ("راعيا من القرية أصيب")
    "راعي": {"pl": ["رعاة"], "du": ["راعيين", "راعيان"], "kind": "person", "pop": "civilian"},
    "شخص": {"pl": ["أشخاص"], "du": ["شخصين", "شخصان"], "kind": "person", "pop": "unspecified"},
    # police officers: neither soldiers nor civilians ("شرطيين آخرين أصيبا")
    "شرطي": {"pl": ["شرطيون"], "du": ["شرطيين", "شرطيان"], "kind": "person", "pop": "unspecified"},
    "فرد": {"pl": ["أفراد"], "du": [], "kind": "person", "pop": "unspecified"},
    "طبيب": {"pl": ["أطباء"], "du": ["طبيبان"], "kind": "person", "pop": "civilian"},
    "متطوع": {"pl": ["متطوعين", "متطوعون"], "du": ["متطوعان"], "kind": "person", "pop": "military"},
    "مراسل": {"pl": ["مراسلين", "مراسلون"], "du": ["مراسلان"], "kind": "person", "pop": "civilian"},
    "مسعف": {"pl": ["مسعفين", "مسعفون"], "du": ["مسعفان"], "kind": "person", "pop": "civilian"},
    # medical staff and drivers ("ممرضتين", "سائقا إسعاف", "سائقين اثنين")
    "ممرض": {"pl": ["ممرضين", "ممرضون"], "du": ["ممرضان"], "kind": "person", "pop": "civilian"},
    "ممرضة": {"pl": ["ممرضات"], "du": ["ممرضتين", "ممرضتان"], "kind": "person", "pop": "civilian"},
    "سائق": {"pl": ["سائقين", "سائقون"], "du": ["سائقان"], "kind": "person", "pop": "civilian"},
    "قروي": {"pl": ["قرويين", "قرويون"], "du": ["قرويان"], "kind": "person", "pop": "civilian"},
    "فتاة": {"pl": ["فتيات"], "du": ["فتاتين", "فتاتان"], "kind": "person", "pop": "civilian"},
    "طفلة": {"pl": ["طفلات"], "du": ["طفلتين", "طفلتان"], "kind": "person", "pop": "civilian"},
    "رضيع": {"pl": ["رضع"], "du": ["رضيعين"], "kind": "person", "pop": "civilian"},
    # ranks and roles named alone in a subset ("بينهم رائد", "بينهم 12 قائد مجموعة"); young men
    # ("بينهم شاب"; the dual "شابان" is left out: two who joined are no casualties)
    "رائد": {"pl": [], "du": [], "kind": "person", "pop": "military"},
    "نقيب": {"pl": [], "du": [], "kind": "person", "pop": "military"},
    "ملازم": {"pl": [], "du": [], "kind": "person", "pop": "military"},
    "عقيد": {"pl": [], "du": [], "kind": "person", "pop": "military"},
    "قائد": {"pl": ["قادة"], "du": [], "kind": "person", "pop": "military"},
    "شاب": {"pl": ["شبان"], "du": [], "kind": "person", "pop": "unspecified"},
    # detainees are prisoners ("نقل 114 محتجزا", "الإفراج عن 15 محتجزا")
    "محتجز": {"pl": ["محتجزين", "محتجزون"], "du": [], "kind": "casualty", "cat": "prisoners"},
    # bodies handed over or recovered are dead ("تسلم 12 جثة لجنود")
    "جثة": {"pl": ["جثث"], "du": ["جثتين"], "kind": "casualty", "cat": "killed"},
    # equipment
    "دبابة": {"pl": ["دبابات"], "du": ["دبابتين", "دبابتان", "دبابتي"], "kind": "equipment"},
    "مدرعة": {"pl": ["مدرعات"], "du": ["مدرعتين", "مدرعتان"], "kind": "equipment"},
    "مصفحة": {"pl": ["مصفحات"], "du": ["مصفحتين"], "kind": "equipment"},
    "عربة": {"pl": ["عربات"], "du": ["عربتين", "عربتان", "عربتي"], "kind": "equipment"},
    "مركبة": {"pl": ["مركبات"], "du": ["مركبتين", "مركبتان"], "kind": "equipment"},
    "ناقلة": {"pl": ["ناقلات"], "du": ["ناقلتين", "ناقلتي"], "kind": "equipment"},
    "شاحنة": {"pl": ["شاحنات"], "du": ["شاحنتين", "شاحنتان", "شاحنتي"], "kind": "equipment"},
    "حافلة": {"pl": ["حافلات"], "du": ["حافلتين", "حافلتان", "حافلتي"], "kind": "equipment"},
    "آلية": {"pl": ["آليات"], "du": ["آليتين"], "kind": "equipment"},
    "سيارة": {"pl": ["سيارات"], "du": ["سيارتين"], "kind": "equipment"},
    "مدفع": {"pl": ["مدافع"], "du": ["مدفعين", "مدفعان", "مدفعي"], "kind": "equipment"},
    "مدفعية": {"pl": [], "du": [], "kind": "equipment"},
    "هاون": {"pl": [], "du": [], "kind": "equipment"},
    "قطعة": {"pl": ["قطع"], "du": ["قطعتين", "قطعتي"], "kind": "equipment"},
    "بطارية": {"pl": ["بطاريات"], "du": ["بطاريتين", "بطاريتي"], "kind": "equipment"},
    "نظام": {"pl": ["أنظمة", "نظم"], "du": ["نظامين", "نظامان", "نظامي"], "kind": "equipment"},
    "منظومة": {"pl": ["منظومات"], "du": ["منظومتين", "منظومتان", "منظومتي", "منظومتا"], "kind": "equipment"},
    "راجمة": {"pl": ["راجمات"], "du": ["راجمتين", "راجمتي"], "kind": "equipment"},
    "قاذفة": {"pl": ["قاذفات"], "du": ["قاذفتين", "قاذفتان", "قاذفتي"], "kind": "equipment"},
    "منصة": {"pl": ["منصات"], "du": ["منصتين", "منصتي"], "kind": "equipment"},
    "طائرة": {"pl": ["طائرات"], "du": ["طائرتين", "طائرتان", "طائرتي"], "kind": "equipment"},
    "مقاتلة": {"pl": ["مقاتلات"], "du": ["مقاتلتين"], "kind": "equipment"},
    "مسيرة": {"pl": ["مسيرات"], "du": ["مسيرتين"], "kind": "equipment"},
    "درون": {"pl": [], "du": [], "kind": "equipment"},
    "مروحية": {"pl": ["مروحيات"], "du": ["مروحيتين", "مروحيتان"], "kind": "equipment"},
    "صاروخ": {"pl": ["صواريخ"], "du": ["صاروخين"], "kind": "equipment"},
    "مركز": {"pl": ["مراكز"], "du": ["مركزين", "مركزي"], "kind": "equipment"},
    "مقر": {"pl": ["مقرات"], "du": ["مقرين", "مقري"], "kind": "equipment"},
    "موقع": {"pl": ["مواقع"], "du": ["موقعين", "موقعي"], "kind": "equipment"},
    "نقطة": {"pl": ["نقاط"], "du": ["نقطتين", "نقطتي"], "kind": "equipment"},
    "مستودع": {"pl": ["مستودعات"], "du": ["مستودعين", "مستودعي"], "kind": "equipment"},
    "مخزن": {"pl": ["مخازن"], "du": ["مخزنين", "مخزني"], "kind": "equipment"},
    "محطة": {"pl": ["محطات"], "du": ["محطتين", "محطتي"], "kind": "equipment"},
    "رادار": {"pl": ["رادارات"], "du": ["رادارين"], "kind": "equipment"},
    # buildings
    "منزل": {"pl": ["منازل"], "du": ["منزلين"], "kind": "building"},
    "بيت": {"pl": ["بيوت"], "du": ["بيتين"], "kind": "building"},
    "مسكن": {"pl": ["مساكن"], "du": [], "kind": "building"},
    "مبنى": {"pl": ["مباني", "مبان"], "du": ["مبنيين"], "kind": "building"},
    "عمارة": {"pl": ["عمارات"], "du": ["عمارتين"], "kind": "building"},
    "بناية": {"pl": ["بنايات"], "du": ["بنايتين"], "kind": "building"},
    "منشأة": {"pl": ["منشآت"], "du": ["منشأتين"], "kind": "building"},
    "مدرسة": {"pl": ["مدارس"], "du": ["مدرستين"], "kind": "building"},
    "مستشفى": {"pl": ["مستشفيات"], "du": ["مستشفيين"], "kind": "building"},
    "مسجد": {"pl": ["مساجد"], "du": [], "kind": "building"},
    "كنيسة": {"pl": ["كنائس"], "du": [], "kind": "building"},
    "كاتدرائية": {"pl": ["كاتدرائيات"], "du": [], "kind": "building"},
    "مستوصف": {"pl": ["مستوصفات"], "du": [], "kind": "building"},
    "جامعة": {"pl": ["جامعات"], "du": [], "kind": "building"},
    # places
    "قرية": {"pl": ["قرى"], "du": ["قريتين"], "kind": "settlement"},
    "بلدة": {"pl": ["بلدات"], "du": ["بلدتين"], "kind": "settlement"},
    "مدينة": {"pl": ["مدن"], "du": ["مدينتين"], "kind": "settlement"},
    "مستوطنة": {"pl": ["مستوطنات"], "du": [], "kind": "settlement"},
    "بلدية": {"pl": ["بلديات"], "du": [], "kind": "settlement"},
    # heights taken count with places (the only place category)
    "مرتفع": {"pl": ["مرتفعات"], "du": ["مرتفعين"], "kind": "settlement"},
    "تلة": {"pl": ["تلال"], "du": ["تلتين"], "kind": "settlement"},
}

# A singular place noun followed by one of these is described, not named ("مدينة استراتيجية"):
# a named town or village taken counts 1, an unnamed one does not. Heights count 1 either way.
PLACE_NOT_NAME = (
    "في", "على", "من", "قرب", "عند", "بالقرب", "داخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
    "كبيرة", "صغيرة", "جديدة", "أخرى", "واحدة", "مهمة", "رئيسية", "حدودية", "استراتيجية", "ثانية",
    "إضافية", "محاذية", "قريبة", "مجاورة", "عدة", "كاملة", "بأكملها", "تلو",
)
HEIGHT_HEADS = ("مرتفع", "تلة")
# A line opening with these links to another article: its headline is no claim of this one.
LINK_LINE_STARTS = ("اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "اقرأ كذلك", "إقرأ أيضا", "شاهد أيضا", "طالع أيضا",
                    "يمكنك أيضا قراءة", "مواضيع ذات صلة", "ذات صلة", "تابع أيضا")

# Category of an equipment/building/settlement head, refined by the words that follow it.
# Each head maps to [(modifier words, category), ...] tried in order; "" = no modifier.
# A head absent here, or with no matching modifier and no "" entry, is not a loss noun.
_AD = ["دفاع جوي", "للدفاع الجوي", "الدفاع الجوي", "دفاع صاروخي", "للدفاع الصاروخي",
       "دفاع جوي صاروخي", "مضاد للطائرات", "مضادة للطائرات", "مضاد للطيران", "مضادة للطيران",
       "صواريخ أرض جو", "صواريخ مضادة للطائرات", "رادار"]
_ROCKET = ["صاروخي", "صاروخية", "صواريخ", "لصواريخ", "للصواريخ", "لإطلاق الصواريخ", "إطلاق صواريخ"]
_BALLISTIC = ["إطلاق صواريخ باليستية", "لإطلاق الصواريخ الباليستية", "صواريخ باليستية", "الصواريخ الباليستية",
              "إطلاق صواريخ بالستية", "صواريخ بالستية", "باليستية", "بالستية"]
HEAD_CATEGORIES: dict[str, list[tuple[list[str], str]]] = {
    "دبابة": [([""], "tanks")],
    "مدرعة": [([""], "armored_vehicles")],
    "مصفحة": [([""], "armored_vehicles")],
    "عربة": [(["مدرعة", "مدرعات", "قتالية", "مصفحة", "مشاة قتالية", "عسكرية مدرعة", "قتال مشاة", "قتال المشاة",
               "مشاة", "قتال"], "armored_vehicles"),
             ([""], "vehicles")],
    "مركبة": [(["مدرعة", "قتالية", "مصفحة"], "armored_vehicles"), ([""], "vehicles")],
    "ناقلة": [(["جند", "جنود", "الجند", "مدرعة"], "armored_vehicles")],
    "شاحنة": [(["ذخيرة", "الذخيرة", "عسكرية", "وقود", "نقل"], "vehicles"), ([""], "vehicles")],
    "حافلة": [([""], "vehicles")],
    "آلية": [([""], "vehicles")],
    "سيارة": [([""], "vehicles")],
    "مدفع": [(["هاون", "الهاون"], "mortars"), ([""], "artillery")],
    "مدفعية": [([""], "artillery")],
    "هاون": [([""], "mortars")],
    "قطعة": [(["مدفعية", "سلاح مدفعية", "المدفعية"], "artillery"),
             # "ألفي قطعة من المعدات العسكرية": unspecified military hardware is counted as vehicles
             (["من المعدات العسكرية", "من المعدات", "من العتاد العسكري", "من العتاد", "عسكرية", "من الآليات"], "vehicles")],
    "بطارية": [(_AD, "air_defense"), (["مدفعية", "المدفعية"], "artillery"), (_ROCKET, "mlrs")],
    "نظام": [(_AD, "air_defense"), (_ROCKET, "mlrs"), (["مدفعية"], "artillery")],
    "منظومة": [(_AD, "air_defense"), (_ROCKET, "mlrs"), (["مدفعية"], "artillery")],
    "راجمة": [([""], "mlrs")],
    # a launcher of ballistic missiles is counted with the missiles, not as a rocket launcher
    "قاذفة": [(_BALLISTIC, "missiles"), (["صواريخ", "صاروخية", "لصواريخ"], "mlrs")],
    "منصة": [(_BALLISTIC, "missiles"), (["إطلاق صواريخ", "لإطلاق الصواريخ", "صواريخ", "صاروخية"], "mlrs")],
    "طائرة": [(["مسيرة", "بدون طيار", "دون طيار", "من دون طيار", "بلا طيار", "مسيرة انتحارية",
                "انتحارية", "الانتحارية", "المسيرة", "المسيرة الانتحارية"], "drones"),
              (["مروحية", "هليكوبتر"], "helicopters"), ([""], "aircraft")],
    "مقاتلة": [([""], "aircraft")],
    "مسيرة": [([""], "drones")],
    "درون": [([""], "drones")],
    "مروحية": [([""], "helicopters")],
    "صاروخ": [([""], "missiles")],
    "مركز": [(["قيادة", "القيادة", "للقيادة", "قيادة ومراقبة", "مراقبة", "اتصالات", "تحكم"], "command_posts")],
    "مقر": [(["قيادة", "القيادة", "للقيادة", "عسكري", "عسكريا", "قيادي"], "command_posts")],
    "نقطة": [(["قيادة", "مراقبة", "تفتيش"], "command_posts")],
    # a position is a loss noun only as a command post ("أربعة مواقع قيادة"), never alone
    "موقع": [(["قيادة", "القيادة", "للقيادة", "قيادي", "قيادية"], "command_posts")],
    "مستودع": [(["ذخيرة", "الذخيرة", "للذخيرة", "ذخائر", "الذخائر", "للذخائر", "أسلحة", "الأسلحة", "للأسلحة",
                 "سلاح", "وقود", "الوقود"], "ammo_depots"), ([""], "ammo_depots")],
    "مخزن": [(["ذخيرة", "الذخيرة", "للذخيرة", "ذخائر", "الذخائر", "أسلحة", "الأسلحة", "سلاح"], "ammo_depots"),
             ([""], "ammo_depots")],
    "منزل": [([""], "houses")],
    "بيت": [([""], "houses")],
    "مسكن": [([""], "houses")],
    # a multi-storey building is a block of flats ("52 مبنى متعدد الطوابق")
    "مبنى": [(["سكني", "سكنية", "سكنيا", "سكنيين", "سكنيان", "متعدد الطوابق", "متعددة الطوابق",
              "متعددة الطبقات", "متعدد الطبقات",
              # after the definite plural ("عشرات المباني السكنية")
              "السكنية", "السكني", "المتعددة الطوابق"], "apartment_buildings"),
             (["حكومي", "حكومية", "حكوميا", "عام", "عاما", "عامة", "إداري", "إدارية", "إداريا", "حكوميين",
               "الحكومية", "العامة", "الإدارية",
               "حكوميان", "عامين", "إداريين", "مدرسة", "المدرسة", "مستشفى", "المستشفى", "مسجد", "المسجد",
               "كنيسة", "الكنيسة", "بلدية", "البلدية"], "public_buildings"),
             ([""], "buildings")],
    "عمارة": [([""], "apartment_buildings")],
    "بناية": [(["سكنية", "متعددة الطوابق", "متعددة الطبقات", "السكنية"], "apartment_buildings"), ([""], "buildings")],
    "منشأة": [(["حكومية", "عامة", "عمومية"], "public_buildings"), ([""], "buildings")],
    "مدرسة": [([""], "public_buildings")],
    "مستشفى": [([""], "public_buildings")],
    "مسجد": [([""], "public_buildings")],
    "كنيسة": [([""], "public_buildings")],
    "كاتدرائية": [([""], "public_buildings")],
    "مستوصف": [([""], "public_buildings")],
    "جامعة": [([""], "public_buildings")],
    # a radar station serves air defence; a fuel depot is counted with ammunition depots
    # (a military supply depot either way)
    "محطة": [(["رادار", "الرادار", "رادارات", "للرادار", "إنذار مبكر", "للإنذار المبكر"], "air_defense"),
              # a power station or substation is a (civil) building
              (["كهرباء", "الكهرباء", "للكهرباء", "كهربائية", "توليد", "لتوليد", "تحويل", "طاقة", "مياه", "للمياه",
                "ضخ", "فرعية", "لتوزيع"], "buildings")],
    "رادار": [([""], "air_defense")],
    "قرية": [([""], "settlements")],
    "بلدة": [([""], "settlements")],
    "مدينة": [([""], "settlements")],
    "مستوطنة": [([""], "settlements")],
    "بلدية": [([""], "settlements")],
    "مرتفع": [([""], "settlements")],
    "تلة": [([""], "settlements")],
}
# Weapon model names that settle the category of a generic system ("نظام صاروخي من طراز أغلا").
WEAPON_MODELS: dict[str, str] = {
    "غراد": "mlrs", "جراد": "mlrs", "سميرتش": "mlrs", "أوراغان": "mlrs", "توس": "mlrs", "تورنادو": "mlrs",
    "إس-300": "air_defense", "اس-300": "air_defense", "أس-300": "air_defense", "إس 300": "air_defense",
    "أوسا": "air_defense", "كوب": "air_defense", "تور": "air_defense", "بوك": "air_defense",
    "أغلا": "air_defense", "إيغلا": "air_defense", "ستريلا": "air_defense", "بانتسير": "air_defense",
    "سكود": "missiles", "توشكا": "missiles", "توتشكا": "missiles", "توتشكا-يو": "missiles", "إسكندر": "missiles",
    "بيرقدار": "drones", "بيرقدار تي بي 2": "drones", "هاروب": "drones", "أوربيتر": "drones",
}
# Heads whose category a model name may override.
MODEL_OVERRIDABLE: tuple[str, ...] = ("نظام", "منظومة", "بطارية", "راجمة", "منصة", "قاذفة", "طائرة")
# Verbs that turn a count of people into killed when no casualty word is around:
# neutralised, eliminated, lost ("حيّد 85 عنصرا", "خسر 200 جندي", "فقد ثلاثة جنود").
PEOPLE_KILLED_EXTRA: tuple[str, ...] = ("تحييد", "حيد", "حيدت", "حيدنا", "يحيد", "القضاء على", "تصفية", "صفى",
                                        "خسر", "خسرت", "فقد", "فقدت", "خسارة", "خسائر", "فقدان", "تكبد", "تكبدت",
                                        "قضى على", "قضت على", "قضوا على", "قضينا على", "يقضي على", "تقضي على",
                                        "فقدنا", "خسرنا")

# --- casualty and damage words (what happened) -------------------------------------------
# Words announcing what happened to the counted people or things; matched as whole words
# with the usual prefixes. A word before the number governs it; a word after it too.
ACTION_WORDS: dict[str, str] = {
    # killed
    "مقتل": "killed", "قتل": "killed", "قتلوا": "killed", "قتلت": "killed", "قتلنا": "killed",
    "يقتل": "killed", "تقتل": "killed", "مصرع": "killed", "حتفهم": "killed", "حتفه": "killed",
    "مصرعهم": "killed", "استشهاد": "killed", "استشهد": "killed", "استشهدوا": "killed",
    "وفاة": "killed", "توفي": "killed", "توفوا": "killed", "أودى بحياة": "killed", "أودت بحياة": "killed",
    "حياة": "killed", "القتلى": "killed", "قتلى": "killed", "الضحايا": "killed", "ضحايا": "killed",
    "تصفية": "killed", "قضى": "killed", "قضوا": "killed", "سقوط": "killed", "سقط": "killed",
    "سقطوا": "killed", "قتلناهم": "killed",
    # wounded
    "إصابة": "wounded", "أصيب": "wounded", "أصيبوا": "wounded", "أصيبت": "wounded", "جرح": "wounded",
    "جرحوا": "wounded", "جرحت": "wounded", "جرحنا": "wounded", "بجروح": "wounded", "بجراح": "wounded", "إصابات": "wounded", "الجرحى": "wounded",
    "جرحى": "wounded", "المصابين": "wounded", "إصابتهم": "wounded",
    "يتلقون العلاج": "wounded", "يتلقى العلاج": "wounded", "يخضعون للعلاج": "wounded",
    "ضحوا بحياتهم": "killed", "ضحى بحياته": "killed",
    "ضحوا بأرواحهم": "killed", "ضحى بروحه": "killed", "ضحوا بأنفسهم": "killed",
    "راح ضحيتها": "killed", "راح ضحيته": "killed", "راح ضحيتهم": "killed", "ذهب ضحيتها": "killed",
    "دفن": "killed", "دفنوا": "killed",
    # missing / prisoners
    "فقدان": "missing", "المفقودين": "missing", "مفقودين": "missing",
    "أسر": "prisoners", "أسرت": "prisoners", "أسروا": "prisoners", "أسرنا": "prisoners", "الأسر": "prisoners", "اعتقال": "prisoners",
    "الأسرى": "prisoners",
    "تحتجز": "prisoners", "يحتجز": "prisoners", "احتجزت": "prisoners", "احتجاز": "prisoners",
    "مجهولا": "missing", "مجهولين": "missing", "مجهولون": "missing",
    "المفقودون": "missing", "مفقودون": "missing",
    # people searched for under rubble are missing ("تبحث تحت الأنقاض عن 3 أشخاص")
    "تبحث عن": "missing", "يبحث عن": "missing", "يبحثون عن": "missing", "البحث عن": "missing",
    # equipment destroyed
    "تدمير": "destroyed", "دمر": "destroyed", "دمرت": "destroyed", "دمرنا": "destroyed", "يدمر": "destroyed",
    "تدميرها": "destroyed", "تدميره": "destroyed", "تدميرهم": "destroyed", "تحطيم": "destroyed",
    "إسقاط": "destroyed", "أسقط": "destroyed", "أسقطت": "destroyed", "أسقطنا": "destroyed", "إسقاطها": "destroyed",
    "إعطاب": "destroyed", "أعطب": "destroyed", "تحييد": "destroyed", "حيدت": "destroyed", "اعتراض": "destroyed", "اعترض": "destroyed", "اعترضنا": "destroyed",
    "اعترضت": "destroyed", "إحراق": "destroyed", "أحرقت": "destroyed", "خسر": "destroyed", "خسرت": "destroyed",
    "خسارة": "destroyed", "خسائر": "destroyed", "فقد": "destroyed", "فقدت": "destroyed", "دمار": "destroyed",
    "مدمرة": "destroyed", "تدمرت": "destroyed", "دمرتها": "destroyed", "القضاء على": "destroyed",
    # reduced to rubble, levelled ("منزلها تحول إلى ركام")
    "تحول إلى ركام": "destroyed", "تحولت إلى ركام": "destroyed", "تحول إلى أنقاض": "destroyed",
    "تحولت إلى أنقاض": "destroyed", "سوي بالأرض": "destroyed", "سويت بالأرض": "destroyed",
    # captured (equipment) / taken (places)
    "السيطرة على": "captured", "سيطرة": "captured", "سيطرت على": "captured", "سيطر على": "captured", "تسيطر على": "captured",
    "الاستيلاء على": "captured", "استيلاء": "captured", "استولت": "captured", "استولى": "captured",
    "اغتنام": "captured", "اغتنمت": "captured", "غنم": "captured", "غنمت": "captured", "غنمنا": "captured",
    "اغتنمنا": "captured", "استولينا": "captured", "سيطرنا على": "captured", "غنائم": "captured", "الاستحواذ على": "captured",
    "تحرير": "taken", "حررت": "taken", "حرر": "taken", "حررنا": "taken", "حرروا": "taken", "استعدنا": "taken", "استعادة": "taken", "استعادت": "taken", "استعاد": "taken",
    "احتلال": "taken", "احتلت": "taken", "دخول": "taken", "دخلت": "taken",
    # the present of headlines ("الجيش الأذربيجاني يحرر مدينة فضولي و7 قرى")
    "يحرر": "taken", "تحرر": "taken", "يستعيد": "taken", "تستعيد": "taken", "يسيطر على": "captured",
    # buildings damaged
    "تضرر": "damaged", "تضررت": "damaged", "أضرار": "damaged", "أضرارا": "damaged", "إلحاق أضرار": "damaged", "غير قابلة": "damaged",
    "غير صالحة": "damaged", "تهدم": "damaged", "تهدمت": "damaged", "هدم": "damaged", "تعرضت": "damaged",
    "تعرض": "damaged", "قصف": "damaged", "أصابت": "damaged", "أصاب": "damaged", "لحقت": "damaged", "متضررة": "damaged",
    # put out of service ("11 محطة فرعية خرجت عن الخدمة")
    "خرجت عن الخدمة": "damaged", "خرج عن الخدمة": "damaged", "خرجت من الخدمة": "damaged", "خارج الخدمة": "damaged",
}
# Words that only target aircraft-like things: "استهدفت طائرة" (engaged, claimed hit).
AERIAL_TARGET_WORDS: tuple[str, ...] = ("استهدف", "استهدفت", "استهداف", "أصابت", "إصابة")
AERIAL_CATEGORIES: tuple[str, ...] = ("aircraft", "drones", "helicopters", "missiles")

# Words that may stand between a casualty word and a bare count ("أصيب 298 لكنها", "إصابة 1900 بجروح").
COUNT_FOLLOWERS: tuple[str, ...] = (
    "آخرين", "آخرون", "آخران", "أخرى", "آخر", "بجروح", "بجراح", "جريحا", "بعد", "في", "من", "منذ", "خلال", "جراء",
    "بسبب", "على", "لكن", "لكنها", "لكنه", "فيما", "بينما", "حتى", "إثر", "اثر", "وفق", "وفقا", "حسب",
    "بحسب", "بينهم", "منهم", "بينهن", "و", "أمس", "اليوم", "حين", "عندما", "إلى", "الى", "نتيجة",
)
# Increment markers right after the counted noun ("36 قتيلا آخر", "جدد").
INCREMENT_WORDS: tuple[str, ...] = ("آخر", "آخرين", "آخرون", "آخران", "أخرى", "إضافيين", "إضافيا", "جدد", "جديدا", "جديدة")
# Running-total markers in the sentence (cumulative = True).
CUMULATIVE_RISE_WORDS: tuple[str, ...] = ("ارتفاع", "ارتفع", "ارتفعت", "يرتفع", "ترتفع", "ليرتفع", "لترتفع", "وصول", "وصل", "وصلت", "بلغ", "بلغت")
CUMULATIVE_TOTAL_WORDS: tuple[str, ...] = ("حصيلة", "إجمالي", "الإجمالي", "الإجمالية", "مجموع", "المجموع", "الحصيلة")
CUMULATIVE_SINCE: tuple[str, ...] = ("بدء", "بداية", "اندلاع", "انطلاق", "لاندلاع", "لبدء", "انتهاء", "نهاية",
                                     "توقف", "وصول", "وصولهم", "وصولها", "وصوله")  # "منذ وصولهم إلى الجبهات"
# "خلال الحرب", "خلال ستة أسابيع من القتال": the whole war (or weeks/months of it) is a running total;
# a day or two ("خلال اليومين الماضيين") is not.
CUMULATIVE_WAR_NOUNS: tuple[str, ...] = ("الحرب", "القتال", "المعارك", "النزاع", "المواجهات", "العمليات العسكرية")
CUMULATIVE_WHOLE_WAR: tuple[str, ...] = ("الحرب", "النزاع")  # "خلال المعارك الليلية" is one night, not the war
# "يوما" (the accusative singular) counts eleven days or more: "خلال 44 يوما من القتال"
CUMULATIVE_LONG_SPANS: tuple[str, ...] = ("أسابيع", "أسبوعا", "أشهر", "شهور", "شهرا", "أسبوعين", "شهرين", "يوما")
# People who are counted but are not casualties (never a loss on their own).
NON_CASUALTY_PEOPLE: tuple[str, ...] = ("نائب", "نائبا", "نواب", "مسؤول", "مسؤولا", "مسؤولين", "الناس", "متظاهر",
                                        "متظاهرا", "متظاهرين", "ناخب", "لاجئ", "لاجئا", "لاجئين", "نازح", "نازحا",
                                        "نازحين", "مراقب", "مراقبين", "دبلوماسي", "دبلوماسيين",
                                        # relatives of casualties are not casualties ("150 من ذوي المفقودين")
                                        "ذوي", "ذوو", "أهالي", "عائلات", "عائلة", "أسر", "أسرة", "أقارب")
# Words that make a number historical background: the war of the 1990s, decades ago.
HISTORICAL_CUES: tuple[str, ...] = ("الاتحاد السوفياتي", "الاتحاد السوفيتي", "التسعينيات", "تسعينيات",
                                     "الحرب الأولى", "مطلع التسعينات", "التسعينات", "انهيار")
# A following sentence that rejects the figures just reported ("نفت ... هذه الأرقام",
# "قالت إن هذه المعلومات عارية عن الصحة") fills denied_by of the claims before it.
LOSS_DENIAL_CUES: tuple[str, ...] = ("عارية عن الصحة", "عار عن الصحة", "لا أساس لها", "لا أساس له", "غير صحيحة",
                                     "كاذبة", "مزاعم", "أكاذيب", "تلفيق", "مفبركة", "ادعاءات", "دعاية",
                                     "كذب محض", "محض كذب", "افتراءات", "افتراء", "الملفقة", "ملفقة",
                                     # "أرقام خيالية", "لا تمت للواقع بصلة": figures called unreal
                                     "خيالية", "لا تمت للواقع بصلة", "لا تمت إلى الواقع بصلة",
                                     "لا علاقة لها بالواقع")
LOSS_DENIAL_VERBS: tuple[str, ...] = ("نفت", "نفى", "تنفي", "ينفي", "نفي", "ونفت", "ونفى", "كذبت", "كذب", "فندت", "رفضت")
LOSS_DENIAL_OBJECTS: tuple[str, ...] = ("هذه الأرقام", "الأرقام", "هذه المعلومات", "المعلومات", "ذلك", "هذه الأنباء",
                                        "الأنباء", "هذه التقارير", "التقارير", "هذه المزاعم", "المزاعم", "هذه الادعاءات",
                                        "الادعاءات", "الرواية", "هذه الرواية", "صحة", "هذا", "هذه البيانات",
                                        "هذه الاتهامات", "الاتهامات", "هذه الحصيلة")
# What a denial may be about other than the figures: involvement in the attack, targeting, the
# treatment of prisoners ("نفت أي علاقة لها بالهجوم", "نفت استهداف منشآت مدنية"): such a denial
# leaves the reported losses undenied.
LOSS_DENIAL_NOT_FIGURES: tuple[str, ...] = ("علاقة", "علاقتها", "علاقته", "مسؤولية", "مسؤوليتها", "مسؤوليته",
                                            "ضلوع", "ضلوعها", "تورط", "تورطها", "استهداف", "إساءة", "قصف",
                                            "مشاركة", "مشاركتها", "صلة", "صلتها")
# Imperfect stems of firing/targeting verbs: one negated in the past ("لم نطلق أي صاروخ") makes a
# denial one of the act, not of the figures reported before it.
LOSS_DENIAL_NEGATED_ACTS: tuple[str, ...] = ("طلق", "قصف", "ستهدف", "هاجم", "ضرب")
# Words that put a loss on both sides ("من الطرفين").
BOTH_SIDES_WORDS: tuple[str, ...] = ("الطرفين", "الطرفان", "الجانبين", "الجانبان", "الجيشين", "المعسكرين", "البلدين",
                                     "كلا الجانبين", "كلا الطرفين")
# The opponent, seen from the claimant ("من جنود العدو").
ENEMY_WORDS: tuple[str, ...] = ("العدو", "للعدو", "الخصم", "المعادية", "المعادي", "المعسكر الآخر", "الطرف الآخر",
                                "الجانب الآخر", "الطرف المقابل")
# Nouns of attack: a side word right after them names the attacker, not the victim.
ATTACK_NOUNS: tuple[str, ...] = ("القصف", "قصف", "هجوم", "هجمات", "الهجوم", "الهجمات", "اعتداءات", "اعتداء",
                                 "الاعتداء", "نيران", "بنيران", "قذائف", "العدوان", "عدوان", "قبل", "صواريخ",
                                 "غارات", "غارة", "بفعل", "ألغام", "الألغام", "لغم")

# =====================================================================================
# (2) REPORTING VERBS AND ATTRIBUTION  (owner: statements / attribution helper)
# =====================================================================================

# ------------------------------------------------------------------ reporting verbs


@dataclass(frozen=True)
class VerbForm:
    """One written form of a reporting verb (normalised, without the و/ف prefix)."""

    form: str
    lemma: str  # the past 3rd person masculine form, normalised
    cls: str  # "report" (say-type) | "stance" (call, accuse, deny, warn, ...)
    gender: str  # "m" | "f" | "" (plural / first person / unknown)
    person: str  # "past" | "present" | "participle"
    ambiguous: bool  # the same letters are also a common noun or preposition
    topic: str  # topic the verb itself signals ("" if none)


# lemma (past 3ms), present stem (without ي/ت), participle stem (without ا/ة), class,
# ambiguous (also a noun / preposition), topic signalled by the verb.
# "" for a stem means: that family is not used (too ambiguous or not reporting).
_VERBS: list[tuple[str, str, str, str, bool, str]] = [
    ("قال", "قول", "قائل", "report", False, ""),
    ("أعلن", "علن", "معلن", "report", False, ""),
    ("أكد", "ؤكد", "مؤكد", "report", False, ""),
    ("أشار", "شير", "مشير", "report", False, ""),
    ("أضاف", "ضيف", "مضيف", "report", False, ""),
    ("أردف", "ردف", "مردف", "report", False, ""),  # "وأردف المرصد أن ..." (= أضاف)
    ("استطرد", "ستطرد", "مستطرد", "report", False, ""),  # "واستطرد المتحدث أن ..."
    ("تابع", "", "", "report", True, ""),
    ("أوضح", "وضح", "موضح", "report", False, ""),
    ("ذكر", "ذكر", "", "report", True, ""),
    ("صرح", "صرح", "مصرح", "report", True, ""),
    ("بين", "بين", "مبين", "report", True, ""),
    ("نوه", "نوه", "منوه", "report", False, ""),
    ("لفت", "لفت", "لافت", "report", True, ""),
    ("كشف", "كشف", "كاشف", "report", True, ""),
    ("أفاد", "فيد", "", "report", False, ""),
    ("أعرب", "عرب", "معرب", "report", False, ""),
    ("عبر", "عبر", "معبر", "report", True, ""),
    ("اعتبر", "عتبر", "معتبر", "report", False, ""),
    ("وصف", "صف", "واصف", "report", True, ""),
    ("شدد", "شدد", "مشدد", "report", False, ""),
    ("كرر", "كرر", "مكرر", "report", True, ""),
    ("جدد", "جدد", "", "report", True, ""),
    ("أبدى", "بدي", "مبدي", "report", False, ""),
    ("رأى", "رى", "", "report", True, ""),
    ("زعم", "زعم", "زاعم", "report", True, ""),
    ("ادعى", "دعي", "", "report", False, ""),
    ("أقر", "قر", "", "report", True, ""),
    ("اعترف", "عترف", "", "report", False, ""),
    ("توقع", "توقع", "", "report", True, ""),
    ("أمل", "أمل", "", "stance", True, "support"),
    ("دعا", "دعو", "داعي", "stance", False, "call"),
    ("ناشد", "ناشد", "مناشد", "stance", False, "call"),
    ("طالب", "طالب", "مطالب", "stance", True, "demand"),
    ("طلب", "طلب", "", "stance", True, "demand"),  # "وطلبت يريفان من المنظمة التدخل"
    ("اتهم", "تهم", "متهم", "stance", True, "accusation"),
    # "تبادلت X وY الاتهامات": only with an accusation noun after it (attribution checks)
    ("تبادل", "تبادل", "", "stance", True, "accusation"),
    ("نفى", "نفي", "نافي", "stance", False, "denial"),
    ("حذر", "حذر", "محذر", "stance", True, "warning"),
    ("هدد", "هدد", "مهدد", "stance", True, "warning"),
    ("رفض", "رفض", "رافض", "stance", True, "position"),
    ("تعهد", "تعهد", "متعهد", "stance", True, "support"),
    ("حث", "حث", "", "stance", False, "call"),
    ("نقل", "نقل", "", "report", True, ""),
    ("كتب", "كتب", "", "report", True, ""),
    ("تحدث", "تحدث", "", "report", True, ""),
    ("توعد", "توعد", "متوعد", "stance", False, "warning"),
    ("غرد", "غرد", "مغرد", "report", False, ""),
    ("روى", "روي", "", "report", True, ""),  # "وتروي أم لثلاثة أطفال أن منزلها دمر"
    ("دان", "دين", "", "stance", True, "accusation"),
    ("أدان", "دين", "", "stance", False, "accusation"),
    ("انتقد", "نتقد", "منتقد", "stance", False, "accusation"),
    ("استنكر", "ستنكر", "مستنكر", "stance", False, "accusation"),
    ("ندد", "ندد", "مندد", "stance", False, "accusation"),
    ("رحب", "رحب", "", "stance", True, "support"),
    ("أشاد", "شيد", "مشيد", "stance", False, "support"),
    ("أيد", "ؤيد", "مؤيد", "stance", True, "support"),
    ("أصر", "صر", "", "stance", True, "demand"),
    ("وثق", "وثق", "", "report", True, ""),
    ("رد", "", "", "report", True, ""),
    ("أورد", "ورد", "", "report", False, ""),
    ("قدر", "قدر", "", "report", True, ""),  # "ويقدر المكتب الحصيلة بـ91", "قدر محللون أن ..."
    ("أحصى", "", "", "report", True, ""),  # "وأحصى المرصد مقتل 40 مقاتلا" (past only)
]
# Objects that make a reporting verb an act, not a statement: "أعلنت X الأحكام العرفية / التعبئة
# العامة / حالة الطوارئ" declares a measure, "رفضت X التعليق" says nothing (lemma -> object nouns).
ACT_OBJECTS: dict[str, list[str]] = {
    "أعلن": ["الأحكام", "الأحكام العرفية", "التعبئة", "حالة", "حظر", "الحداد", "النفير", "التعبئة العامة"],
    "رفض": ["التعليق"],
}
# Nouns of a quantity that follow an impersonal/passive "يقدر" ("ويقدر عدد سكان X بـ", "ويقدر عددهم
# بنحو"): the estimate has no speaker.
MEASURE_NOUNS = ["عدد", "عددهم", "عددها", "عددهما", "حجم", "مساحة", "مساحتها", "كلفة", "تكلفة", "قيمة",
                 "نسبة", "إجمالي", "طول", "مدى", "ثمن", "سكان", "عدد سكان"]
# Participles of coming and going ("مقاتل عائد من أذربيجان", "لاجئ قادم من ..."): the place after
# them is where the speaker travelled, not the authority it speaks for.
MOTION_PARTICIPLES = ["عائد", "عائدة", "العائد", "العائدة", "قادم", "قادمة", "القادم", "القادمة", "وافد",
                      "فار", "فارة", "هارب", "هاربة", "نازح", "نازحة", "مغادر", "واصل", "وصل", "عاد"]
# Verbs that attribute only with an object pronoun after ما ("وفق ما نشرته X", "حسبما بثه X").
SOURCE_ONLY_VERBS = ["نشر", "بث", "أذاع"]

# Irregular past forms (defective and hollow verbs) that the suffix rule would get wrong.
_IRREGULAR_PAST: dict[str, list[tuple[str, str]]] = {
    "دعا": [("دعا", "m"), ("دعت", "f"), ("دعوا", ""), ("دعتا", "")],
    "نفى": [("نفى", "m"), ("نفت", "f"), ("نفوا", ""), ("نفاه", "m"), ("نفته", "f"), ("نفتها", "f"),
            ("نفاها", "m")],
    "أبدى": [("أبدى", "m"), ("أبدت", "f"), ("أبدوا", "")],
    "رأى": [("رأى", "m"), ("رأت", "f"), ("رأوا", "")],
    "روى": [("روى", "m"), ("روت", "f"), ("رووا", "")],
    "ادعى": [("ادعى", "m"), ("ادعت", "f"), ("ادعوا", "")],
    "أقر": [("أقر", "m"), ("أقرت", "f"), ("أقروا", "")],
    "أصر": [("أصر", "m"), ("أصرت", "f"), ("أصروا", "")],
    "دان": [("دان", "m"), ("دانت", "f"), ("دانوا", "")],
    "رد": [("رد", "m"), ("ردت", "f"), ("ردوا", "")],
    "أدان": [("أدان", "m"), ("أدانت", "f"), ("أدانوا", "")],
    "أحصى": [("أحصى", "m"), ("أحصت", "f"), ("أحصوا", "")],
}
# Irregular present forms.
_IRREGULAR_PRESENT: dict[str, list[tuple[str, str]]] = {
    "نفى": [("ينفي", "m"), ("تنفي", "f"), ("ينفون", ""), ("تنفيه", "f"), ("ينفيه", "m"),
            ("تنفيها", "f"), ("ينفيها", "m")],
    "دعا": [("يدعو", "m"), ("تدعو", "f"), ("يدعون", ""), ("تدعوان", ""), ("يدعوان", "")],
    "رأى": [("يرى", "m"), ("ترى", "f"), ("يرون", "")],
    "أبدى": [("يبدي", "m"), ("تبدي", "f")],
    "ادعى": [("يدعي", "m"), ("تدعي", "f")],
}
# Forms never taken as verbs (common nouns / adverbs with the same letters).
_NOT_VERBS = {"مجددا", "مقر", "مصر", "مبين", "متهم", "لافت", "معبر", "مؤيد", "مؤيدين", "مؤيدة",
              "معلنة", "معلن", "مطالب", "متابع", "رافض", "نافية"}


def _forms() -> list[VerbForm]:
    from helpers.text import normalize

    out: list[VerbForm] = []
    for past, pres, part, cls, amb, topic in _VERBS:
        lemma = normalize(past)
        fams: list[tuple[str, str, str]] = []
        if past in _IRREGULAR_PAST:
            fams += [(f, g, "past") for f, g in _IRREGULAR_PAST[past]]
        else:
            fams += [(past, "m", "past"), (past + "ت", "f", "past"), (past + "وا", "", "past"),
                     (past + "ا", "", "past"), (past + "تا", "", "past")]
        if past in _IRREGULAR_PRESENT:
            fams += [(f, g, "present") for f, g in _IRREGULAR_PRESENT[past]]
        elif pres:
            fams += [("ي" + pres, "m", "present"), ("ت" + pres, "f", "present"),
                     ("ي" + pres + "ون", "", "present"), ("ي" + pres + "ان", "", "present"),
                     ("ت" + pres + "ان", "", "present")]
        if part:
            base = part[:-1] if part.endswith("ي") else part
            if part.endswith("ي"):  # داعي -> داعيا / داعية / داعين
                fams += [(part + "ا", "m", "participle"), (part + "ة", "f", "participle"),
                         (base + "ين", "", "participle"), (part + "ين", "", "participle")]
            else:
                fams += [(part + "ا", "m", "participle"), (part + "ة", "f", "participle"),
                         (part + "ين", "", "participle"), (part + "تين", "", "participle")]
        for form, gender, person in fams:
            n = normalize(form)
            if n in {normalize(x) for x in _NOT_VERBS}:
                continue
            out.append(VerbForm(n, lemma, cls, gender, person, amb, topic))
    return out


@lru_cache(maxsize=1)
def source_verb_forms() -> dict[str, VerbForm]:
    """Past forms of SOURCE_ONLY_VERBS (normalised form -> VerbForm)."""
    from helpers.text import normalize

    out: dict[str, VerbForm] = {}
    for past in SOURCE_ONLY_VERBS:
        lemma = normalize(past)
        for form, g in ((past, "m"), (past + "ت", "f"), (past + "وا", "")):
            out.setdefault(normalize(form), VerbForm(normalize(form), lemma, "report", g, "past", True, ""))
    return out


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, VerbForm]:
    """Normalised written form -> VerbForm for every reporting / stance verb (first wins)."""
    table: dict[str, VerbForm] = {}
    for vf in _forms():
        table.setdefault(vf.form, vf)
    return table


# ------------------------------------------------------------------ attribution words

# Nominal attributions: "وفق / وفقا ل / حسب / بحسب / طبقا ل / نقلا عن" + source.
ACCORDING_TO = ["وفق", "وفقا", "حسب", "بحسب", "طبقا", "نقلا", "حسبما", "وفقما", "بحسبما", "استنادا"]
# "على حد قول X", "بحسب ما أعلنت X" are handled through the verb after ما.
# Meta sentences that attribute the previous sentence: "جاء ذلك في بيان ل X".
CAME_IN = ["جاء ذلك", "جاءت تصريحاته", "جاءت تصريحاتها", "جاءت هذه التصريحات", "جاء ذلك الإعلان",
           "جاء هذا", "جاءت هذه", "وجاء ذلك", "جاء ذلك التصريح"]
CAME_IN_NOUNS = ["بيان", "بيانات", "تصريح", "تصريحات", "مؤتمر", "مقابلة", "كلمة", "خطاب", "تغريدة",
                 "حديث", "رسالة", "لقاء", "اتصال", "منشور", "تقرير", "إيجاز", "مكالمة"]
# Heads of a "وفق X" phrase that are not speakers (laws, resolutions, clocks).
NON_SPEAKER_HEADS = ["القانون", "قانون", "القرار", "قرار", "قرارات", "القرارات", "الاتفاق", "اتفاق",
                     "اتفاقية", "الاتفاقية", "الدستور", "دستور", "التوقيت", "توقيت", "الخطة", "خطة",
                     "المبادئ", "مبادئ", "المعايير", "الشروط", "شروط", "البرنامج", "الجدول", "المادة",
                     "البند", "القواعد", "قواعد", "الأعراف", "الخريطة", "الخرائط", "الصور", "صور",
                     "الشريعة", "الأصول", "المواثيق", "ميثاق", "الميثاق", "التقويم", "الأرقام", "أرقام",
                     "مبدأ", "المبدأ", "صيغة", "الصيغة", "قاعدة", "القاعدة", "آلية", "الآلية",
                     # "وفق المعلومات المتوفرة": information with no named author (not "معلومات X")
                     "المعلومات",
                     # treaties and charters ("وفق معاهدة الصداقة"): a document, not its signatories
                     "معاهدة", "المعاهدة", "معاهدات", "بروتوكول", "البروتوكول"]
# "بحسب أرقام نشرتها X", "وفق حصيلة أعلنتها X": figures whose publisher is the real source.
PUBLISHED_BY = ["نشرتها", "نشرها", "أعلنتها", "أعلنها", "أصدرتها", "أصدرها", "جمعتها", "جمعها",
                "أوردتها", "أوردها", "قدمتها", "قدمها", "وزعتها", "وزعها",
                "أعدتها", "أعدها", "أعدته", "أعده"]
# Words that name a source document whose author is the real speaker ("بيان صادر عن X",
# "بيان لجيش X", "مكتب X").
DOCUMENT_HEADS = ["بيان", "بيانا", "البيان", "تقرير", "التقرير", "رسالة", "الرسالة", "تغريدة",
                  "منشور", "تصريح", "تصريحات", "إحصاء", "إحصاءات", "حصيلة", "وثيقة", "مذكرة"]
# Words between a document and its author.
AUTHOR_LINKS = ["صادر عن", "صادرة عن", "الصادر عن", "الصادرة عن", "عن", "باسم", "من", "نشره", "نشرته",
                "أصدره", "أصدرته"]
# Words that turn an actor into the head of a speaker phrase ("المتحدث باسم X").
SPOKESPERSON_HEADS = ["المتحدث", "المتحدثة", "متحدث", "متحدثة", "الناطق", "الناطقة", "ناطق", "ناطقة",
                      "مكتب", "سفير", "سفيرة", "مندوب", "مندوبة", "ممثل", "ممثلة", "مساعد", "مستشار",
                      "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولو", "مسؤولون", "مسؤولين", "قائد",
                      "رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "الأمين", "أمين", "أمينة", "زعيم", "مدير",
                      "بيان", "تقرير", "وكالة", "الممثل", "الممثلة", "المندوب", "المندوبة", "المستشار",
                      "المساعد", "المدير", "المديرة"]
# Anaphoric subjects that point back at the last speaker ("وأضاف البيان", "وشدد الرئيس").
ANAPHORS = ["البيان", "الرئيس", "الوزير", "الوزيرة", "الوزارة", "المتحدث", "المتحدثة", "الأخير",
            "الأخيرة", "المسؤول", "المسؤولة", "السفير", "الناطق", "الناطقة", "المصدر", "الجيش",
            "البيان الرسمي", "التقرير", "الرئاسة", "الحكومة", "رئيس الوزراء", "المكتب", "المرصد",
            "الوكالة", "المنظمة", "المصادر", "النيابة", "الهيئة", "اللجنة", "الخدمة", "المعهد", "المفوضية",
            "المحافظ", "الحاكم"]
# Nouns that stand before a place name ("السلطات في إقليم قره باغ", "محافظ مدينة X").
REGION_NOUNS = ["إقليم", "منطقة", "مدينة", "محافظة", "ولاية", "جمهورية", "بلدة", "قرية", "مقاطعة"]
# Words after an anaphor that insist on the same referent ("الوزارة نفسها").
SELF_WORDS = ["نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها"]
# Heads of an unknown speaker phrase that name an official body or office of a state ("وزارة الدفاع
# الروسية", "السفير الأرميني", "محافظ ..."): it speaks for that state (anonymous officials and
# sources, "مسؤول أرميني", do not).
OFFICIAL_HEADS = ["وزارة", "وزير", "وزيرة", "سفير", "سفيرة", "سفارة", "محافظ", "حاكم", "هيئة", "متحدث",
                  "متحدثة", "ناطق", "ناطقة", "قائد", "رئاسة", "مندوب", "مندوبة", "ممثل", "ممثلة", "بعثة",
                  "مكتب", "الخارجية", "الدفاع", "الداخلية", "النيابة", "دائرة", "خدمة", "جهاز", "مدير",
                  # a legislator or deputy of the state ("نائب في البرلمان الأذربيجاني")
                  "نائب", "نواب"]
# Heads of a speaker phrase that is an independent commentator (without the article): an expert,
# analyst, researcher, academic, observer, writer or commentator identified only by a nationality
# ("الخبير العسكري الروسي", "باحث أرمني") does not speak for that state (party Unknown).
EXPERT_NOUNS = ["خبير", "خبيرة", "خبراء", "خبيران", "محلل", "محللة", "محللون", "محللين", "محللو",
                "باحث", "باحثة", "باحثون", "باحثين", "باحثو", "أكاديمي", "أكاديمية", "أكاديميون",
                "أكاديميين", "أستاذ", "أستاذة", "مراقب", "مراقبون", "مراقبين", "كاتب", "كاتبة", "كتاب",
                "معلق", "معلقة", "معلقون", "معلقين", "مفكر", "مؤرخ", "مؤرخة"]
# Heads of an unknown speaker phrase that is a non-governmental organisation (party Other).
NGO_HEADS = ["منظمة", "منظمات", "جمعية", "معهد"]
# International NGOs often named without "منظمة" ("أفادت هيومن رايتس ووتش"): party Other.
NGO_NAMES = ["هيومن رايتس ووتش", "العفو الدولية", "أطباء بلا حدود", "مراسلون بلا حدود"]
# Religious leaders named by title speak for no belligerent (party Other): "البابا فرنسيس",
# "الحبر الأعظم", "كاثوليكوس عموم الأرمن", "البطريرك", "المفتي" (without the article).
RELIGIOUS_HEADS = ["بابا", "حبر", "كاثوليكوس", "بطريرك", "مطران", "كاردينال", "مفتي"]
# "مصادر إعلامية روسية": sources described as press are the media, whatever their nationality.
MEDIA_SOURCE_HEADS = ["مصادر", "مصدر", "وسائل"]
MEDIA_ADJECTIVES = ["إعلامية", "إعلامي", "صحفية", "صحافية", "إعلام", "الإعلام"]
# "مصادر كنسية أرمنية", "مصادر محلية", "مصدر طبي": sources outside the state, whatever their nationality.
PRIVATE_SOURCE_ADJECTIVES = ["كنسية", "كنسي", "دينية", "ديني", "محلية", "محلي", "ميدانية", "ميداني",
                             "طبية", "طبي", "أهلية", "أهلي", "مستقلة", "مستقل", "حقوقية", "حقوقي"]
# "Both sides" subjects: a statement by every belligerent of the profile.
BOTH_SIDES = ["كل من المعسكرين", "كلا المعسكرين", "كل من الطرفين", "كلا الطرفين", "كل من الجانبين",
              "كلا الجانبين", "الطرفان", "الجانبان", "المعسكران", "كل طرف", "كل من البلدين",
              "كلا البلدين", "البلدان"]

# ------------------------------------------------------------------ clause structure

# Complementisers that open the reported content.
COMPLEMENTISERS = ["أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "إنهما",
                   "بأن", "بأنه", "بأنها", "بأنهم", "وأن", "وإن", "وأنه", "وأنها", "فإن", "فإنه",
                   "فإنها", "أننا", "إننا", "أنني", "إنني", "لأن", "كأن", "أنّ", "انّ"]
# Prepositions and particles that end a subject noun phrase.
SUBJECT_STOPS = ["في", "عن", "على", "إلى", "الى", "من", "مع", "خلال", "عبر", "أمام", "لدى", "حول",
                 "بشأن", "إزاء", "تجاه", "بعد", "قبل", "منذ", "عقب", "اليوم", "أمس", "غدا", "الليلة",
                 "ما", "لا", "لم", "لن", "قد", "أيضا", "كذلك", "مجددا", "مرارا", "مساء", "صباح",
                 "ظهر", "فجر", "ليلة", "صباحا", "مساء", "مساءا", "ظهرا", "حتى", "بين", "ضد", "عند",
                 "أثناء", "وسط", "ضمن", "نحو_", "إذ", "حيث", "فيما", "بينما", "عندما", "كما",
                 "الذي", "التي", "الذين", "اللذين", "اللتين", "وهو", "وهي", "ثم", "لكن", "ولكن",
                 "بل", "أو", "أي", "بعدما", "حين", "لأن", "كي", "لكي", "إذا", "لو", "هذا", "هذه",
                 "ذلك", "تلك", "هناك", "هنا", "الآن"]
# Words that qualify a following number in a group speaker ("نحو 20 نائبا").
QUANTITY_WORDS = ["نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل", "من", "ما", "يقارب", "عشرات", "مئات",
                  "آلاف", "عدد", "عدة", "بضعة", "بعض"]
# Days, dayparts and other time adverbs that may sit between a verb and its subject.
TIME_WORDS = ["السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
              "اليوم", "أمس", "غدا", "مساء", "صباح", "ظهر", "فجر", "الليلة", "ليلا", "صباحا", "مساء",
              "الماضي", "الماضية", "المقبل", "الحالي", "الجاري", "مؤخرا", "أيضا", "كذلك", "مجددا",
              "مرارا", "حاليا", "أخيرا", "سابقا", "لاحقا", "رسميا", "علنا", "بدوره", "بدورها",
              "بدورهم", "وقتها", "حينها", "آنذاك"]
# Clause openers after which a verb is in verb position ("من جهته، قال", "كما أعلنت").
CLAUSE_OPENERS = ["كما", "وكما", "قد", "وقد", "فقد", "لقد", "ولقد", "ثم", "فيما", "بينما", "حيث", "إذ",
                  "كان", "وكان", "كانت", "وكانت", "ولكنه", "لكنه", "ولكنها", "لكنها", "لكنهم",
                  "بدوره", "بدورها", "وبدوره", "وبدورها", "حين", "عندما", "بعدما", "فيما",
                  "إلا أنه", "إلا أنها", "غير أنه", "غير أنها", "كذلك", "أيضا", "بدورهم",
                  "بينما", "وبينما", "فقط", "ميدانيا", "سياسيا", "بالمقابل", "وبالمقابل",
                  "بالمقابل", "فيما", "وفيما", "ولذلك", "ولهذا", "وهكذا", "هكذا", "ولاحقا", "لاحقا",
                  "سابقا", "وسابقا", "ولكن", "لكن", "وقت", "كانوا", "وكانوا"]
# Pronoun-bearing conjunctions meaning "but he / she" that give a verb a pronoun subject.
PRONOUN_CONJUNCTIONS = {"ولكنه": "m", "لكنه": "m", "ولكنها": "f", "لكنها": "f", "الا انه": "m",
                        "الا انها": "f", "غير انه": "m", "غير انها": "f"}
# Particles that negate a following verb ("لم يذكر التفاصيل" reports nothing).
NEGATIONS = ["لم", "لن", "لا", "ولم", "ولن", "ولا", "فلم", "فلن", "فلا", "ليس", "ما"]
# Words that make a following verb part of a relative clause or a subjunctive, not a report.
NOT_REPORT_BEFORE = ["الذي", "التي", "الذين", "اللذين", "اللتين", "أن", "ان", "كي", "لكي", "حتى",
                     "لما", "مما", "عما", "كلما", "طالما", "ربما", "إنما", "بما", "فيما_"]
# Relative clause openers whose antecedent is the speaker ("مجلس ... الذي رحب").
RELATIVES = ["الذي", "التي", "الذين"]
# "وهو ما نفته X": the denial relative.
DENIAL_RELATIVES = ["وهو ما", "وهي ما", "الأمر الذي", "وهذا ما", "ما", "وهو الأمر الذي", "وهو أمر"]
# Lines that are links to other articles, not the article's own text.
READ_ALSO = ["اقرأ أيضا", "اقرأ ايضا", "إقرأ أيضا", "اقرأ المزيد", "قد يعجبك ايضا", "قد يعجبك أيضا",
             "اقرأ كذلك", "شاهد أيضا", "مواضيع ذات صلة", "ذات صلة", "المزيد من"]

# Quotation marks: pairs that open and close direct quotations.
QUOTE_PAIRS = {"“": "”", "«": "»", "\"": "\"", "„": "“", "”": "”"}

# ------------------------------------------------------------------ topics (Arabic-generic cues)

# Cue words per topic, matched as word prefixes on the normalised statement text.
TOPIC_CUES: dict[str, list[str]] = {
    "ceasefire_call": ["وقف إطلاق النار", "لوقف إطلاق النار", "وقف إطلاق نار", "وقف القتال",
                       "لوقف القتال", "وقف المعارك", "وقف الأعمال العدائية", "الوقف الفوري",
                       "هدنة", "الهدنة", "التهدئة", "ضبط النفس", "إنهاء القتال", "وقف العنف",
                       "إنهاء أعمال العنف", "وقف الحرب", "خفض التصعيد", "وقف تام", "إنهاء الأعمال العدائية",
                       "احترام وقف إطلاق النار", "إطلاق النار", "وقف فوري", "بالوقف الفوري", "الأعمال القتالية",
                       "الأعمال العدائية", "تثبيت الهدنة", "وقف الاشتباكات", "إنهاء العنف",
                       "إنهاء الحرب", "لإنهاء الحرب", "إنهاء حرب", "لإنهاء حرب",
                       "التوقف عن القتال", "التوقف فورا عن القتال", "الكف عن القتال", "وقف النار",
                       # "وقف لإطلاق النار" (indefinite), a halt to escalation ("وقف التصعيد")
                       "وقف لإطلاق النار", "وقف التصعيد"],
    "negotiation": ["مفاوضات", "المفاوضات", "محادثات", "المحادثات", "مباحثات", "المباحثات", "حل دبلوماسي",
                    "الحل الدبلوماسي", "حل سياسي", "الحل السياسي", "حلا دبلوماسيا", "حل النزاع", "وساطة",
                    "الوساطة", "الحوار", "حوار", "التفاوض", "تسوية", "اجتماع", "الاجتماع", "لقاء",
                    "سيلتقي", "يلتقي", "مشاورات", "الجهود الدبلوماسية", "خارطة طريق", "المساعي",
                    "الحلول السلمية", "المناقشات السلمية", "السلم", "السلام", "عملية السلام", "مجموعة مينسك",
                    "تتفاوض", "نتفاوض", "التفاوض", "اتصالا هاتفيا", "مكالمة", "طاولة المفاوضات", "للوساطة",
                    "الوسيط", "مبادرة", "لقائه", "لقائها", "لقائهما", "التقى", "التقت", "اجتماعا",
                    "تتواصل مع", "يتواصل مع", "نتواصل مع", "التواصل مع", "اتصالات", "عبر الهاتف", "هاتفيا"],
    "accusation": ["اتهم", "يتهم", "تتهم", "اتهامات", "انتهاك", "انتهاكات", "خرق", "اعتداء", "اعتداءات",
                   "عدوان", "جرائم", "جريمة", "إرهابيين", "مرتزقة", "التسبب في", "بالتسبب", "بالتورط",
                   "تلفيق", "أكاذيب", "الدعاية", "استهداف المدنيين", "يستهدف", "تستهدف",
                   "جهاديين", "جهادي", "مقاتلين أجانب", "المرتزقة", "تدمير المدنيين",
                   "أسلحة محظورة", "يحظر استخدامها", "قصف التجمعات", "قصف المناطق السكنية",
                   "استأنفت قصف", "يزيد من الخطر", "تدخلوا", "تأجيج", "عدم التدخل", "بالموارد",
                   "تدين", "يدين", "أسلحة محرمة", "محرمة دوليا", "المحتل", "قنابل عنقودية", "استهداف مناطق", "تؤجج", "يؤجج",
                   # fighters brought in from outside ("نقلت 900 مقاتل من فصائل موالية لها")
                   "مرتزق", "فصائل موالية", "الفصائل الموالية", "مقاتل من فصائل", "مقاتلا من فصائل",
                   "مقاتلين من فصائل", "مقاتلا من الفصائل", "مقاتل من الفصائل"],
    "denial": ["نفى", "ينفي", "تنفي", "نفت", "نفته", "تنفيه", "ينفيه", "عار عن الصحة", "لا أساس له",
               "غير صحيحة", "كذب", "تكذيب", "لم يسيطر", "نفي ذلك", "نفي هذه", "إلى نفي"],
    "demand": ["الانسحاب", "انسحاب", "سحب قواتها", "سحب القوات", "الشرط", "شرط", "شروط", "يجب على",
               "ينبغي على", "طالب", "يطالب", "مطالبة", "حث", "حدا لاحتلال", "إنهاء الاحتلال",
               "إنهاء احتلال", "مغادرة الأراضي", "الخروج من أراضي", "الخروج من أراضينا", "قبول المبادئ",
               "التخلي عن",
               # a withdrawal as the condition ("لن يتوقف قبل انسحاب القوات")
               "قبل انسحاب", "حتى انسحاب", "إلا بانسحاب", "تنسحب", "ينسحب"],
    "warning": ["حذر", "يحذر", "تحذر", "محذرا", "ستندم", "سيندم", "عواقب", "تحذير", "الفرصة الأخيرة",
                "سيفشل", "تفشل", "مصيره سيكون الفشل", "الفشل", "كارثة", "خطير ", "خطيرا ", "تهديد", "يهدد",
                "ستدفع ثمن", "سيدفع ثمن", "ستدفع الثمن", "سيدفع الثمن", "سيدفعون ثمن", "لن تتردد", "لن نتردد", "لن تسمح", "لن نسمح", "لن يسمح", "لن يتوقف", "لن نتوقف",
                "لن تتوقف", "خط أحمر", "خطا أحمر", "الخط الأحمر", "ما لم", "إذا لم",
                # concern ("أعرب عن قلقه", "تتابع بقلق بالغ") warns (heldout8, 11-15 READMEs)
                "قلقه", "قلقها", "قلقهم", "القلق", "بقلق",
                # outside powers told to keep out ("أن تبقى الأطراف الخارجية بعيدة عن النزاع")
                "الأطراف الخارجية", "أطراف خارجية", "خارج هذا الصراع", "خارج الصراع", "خارج النزاع",
                "بعيدة عن النزاع", "بعيدا عن النزاع", "بعيدة عن الصراع", "بعيدا عن الصراع"],
    "battlefield_claim": ["السيطرة على", "سيطرت", "استعادت", "يسيطر", "تسيطر", "حرر", "حررنا", "اختراق", "استعادة", "تحرير", "حررت", "إسقاط", "أسقطت",
                          "أسقط", "تدمير", "دمرت", "دمرنا", "صد", "صدت", "صدها", "هجوم", "هجمات", "قصف",
                          "استهداف", "استهدفت", "التراجع", "تراجع", "الاشتباكات", "اشتباكات", "المعارك",
                          "معارك", "قتال", "مكاسب", "تقدم", "الجبهة", "مواقع", "استيلاء", "ضربة",
                          "خسائر", "يهربون", "قتال", "نشوب", "تعرضت",
                          # advances and trophies ("الجيش يتقدم على كل المحاور", "دمر أو غنم")
                          "يتقدم", "تتقدم", "نتقدم", "رفع العلم", "يرفرف", "غنم", "الغنائم", "غنائم", "دمر"],
    "support": ["دعم", "الدعم", "دعمه", "مساندة", "تأييد", "تضامن", "الوقوف إلى جانب", "الدفاع عن نفسها",
                "يدافعوا عن أنفسهم", "حليف", "الحليفة", "نأمل", "أمله", "تعهدت بتقديم", "مستعدون",
                "استعداده", "استعدادهما", "مستعدان",
                "نقف إلى جانب", "سنقف إلى جانب", "يقف إلى جانب", "تقف إلى جانب", "وقوفها إلى جانب", "وقوفه إلى جانب", "ستقف إلى جانب",
                "سيقف إلى جانب", "ستبقى إلى جانب", "سيبقى إلى جانب", "سنبقى إلى جانب", "التزاماتها", "بالتزاماتها",
                "وقوف بلاده إلى جانب", "وقوف بلادها إلى جانب"],
    "position": ["الاعتراف", "اعتراف", "الحياد", "محايد", "غير منحازة", "منحاز", "وحدة الأراضي",
                 "سيادة", "السيادة", "تقرير المصير", "أرض", "أراضي", "أراضيها", "جزء من", "جزءا من",
                 "جمهورية", "الوضع القائم", "أسفه", "أسفها", "غير مقبول",
                 "سابقة لأوانها", "لا يوافق", "ترفض", "رفض", "لا حل عسكريا", "موقف", "ملتزمون", "تعارض", "يعارض", "نعارض", "حل عسكري", "لا تؤيد", "لا يؤيد",
                 "لن تقبل", "لن نقبل", "لا نقبل", "لن يقبل", "مسافة واحدة", "لن نستسلم", "توازن",
                 # resolve and how an agreement is judged ("سنواصل حتى النهاية", "الاتفاق استسلام")
                 "لن نتراجع", "لن تتراجع", "سنواصل حتى النهاية", "حتى آخر جندي", "استسلام",
                 "سننتصر", "سينتصر", "قضيتنا عادلة", "قضية عادلة"],
}
# Phrases blanked out before counting topic cues: they contain a cue word (cues match as word
# prefixes) but name something else ("قوات حفظ السلام" are peacekeepers, not peace talks;
# "تنفيذ" is not "تنفي").
TOPIC_MASKS: list[str] = ["حفظ السلام", "تنفيذ", "دون شروط", "بدون شروط", "دون شرط", "بلا شروط",
                          # a date named by the ceasefire ("منذ توقيع اتفاق وقف إطلاق النار") calls for nothing
                          "منذ توقيع اتفاق وقف إطلاق النار", "منذ اتفاق وقف إطلاق النار", "منذ وقف إطلاق النار",
                          "منذ سريان وقف إطلاق النار", "منذ دخول وقف إطلاق النار",
                          # a period named by the fighting ("نزحوا منذ بدء القتال") reports no battle
                          "منذ بدء القتال", "منذ بداية القتال", "منذ اندلاع القتال", "منذ بدء المعارك",
                          "منذ بداية المعارك", "منذ اندلاع المعارك", "بعد توقف القتال", "مع انتهاء المعارك",
                          "بسبب القتال", "الأول من القتال", "بعد انتهاء المعارك", "منذ بدء الحرب",
                          # occupied land named in a demand ("الانسحاب من الأراضي المحتلة") accuses no one
                          "الأراضي المحتلة", "أراضينا المحتلة", "أراضيها المحتلة", "المناطق المحتلة",
                          "الأراضي الأذربيجانية المحتلة",
                          # "بحث" (discussed) is not "ب" + the demand cue "حث"
                          "بحث"]
# Words that make a sentence with a number a loss claim (with section (1)'s LOSS_HEADS).
LOSS_EVENT_WORDS = ["مقتل", "قتل", "قتلوا", "سقوط", "إصابة", "أصيب", "جرح", "تدمير", "دمرت", "إسقاط",
                    "أسقطت", "خسائر", "حصيلة", "ضحايا", "القتلى", "الجرحى", "السيطرة على", "الاستيلاء"]
# Precedence of topics when several match (first wins).
TOPIC_ORDER = ["denial", "loss_claim", "ceasefire_call", "accusation", "demand", "warning",
               "negotiation", "battlefield_claim", "support", "position", "other"]
TOPICS = ["ceasefire_call", "negotiation", "accusation", "denial", "demand", "warning",
          "battlefield_claim", "loss_claim", "support", "position", "other"]


def norm_set(words: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The normalised forms of a word list, as a set."""
    from helpers.text import normalize

    return frozenset(normalize(w) for w in words)

# Nationality adjectives and country names (masculine singular; other forms reduce to the same
# stem) of countries a conflict profile usually does not list: a speaker phrase naming one of
# them ("نائب وزير الخارجية الجورجي") is party "Other" unless the profile maps the word itself.
OTHER_NATIONALITIES: tuple[str, ...] = (
    "جورجي", "جورجيا", "ألماني", "ألمانيا", "بريطاني", "بريطانيا", "إيطالي", "إيطاليا", "إسباني", "إسبانيا",
    "صيني", "الصين", "ياباني", "اليابان", "هندي", "الهند", "باكستاني", "باكستان", "سوري", "سوريا", "عراقي",
    "العراق", "لبناني", "لبنان", "مصري", "مصر", "سعودي", "السعودية", "إماراتي", "الإمارات", "قطري", "قطر", "أردني",
    "الأردن", "كويتي", "الكويت", "إسرائيلي", "إسرائيل", "أوكراني", "أوكرانيا", "بيلاروسي", "بيلاروسيا",
    "كازاخي", "كازاخستان", "أوزبكي", "أوزبكستان", "تركماني", "تركمانستان", "قرغيزي", "طاجيكي", "يوناني",
    "اليونان", "قبرصي", "قبرص", "بلغاري", "بلغاريا", "روماني", "رومانيا", "بولندي", "بولندا", "مجري", "المجر",
    "تشيكي", "سويدي", "السويد", "نرويجي", "النرويج", "دنماركي", "الدنمارك", "فنلندي", "فنلندا", "هولندي",
    "هولندا", "بلجيكي", "بلجيكا", "سويسري", "سويسرا", "نمساوي", "النمسا", "كندي", "كندا", "برازيلي",
    "البرازيل", "مكسيكي", "أسترالي", "أستراليا", "ليبي", "ليبيا", "تونسي", "تونس", "جزائري", "الجزائر",
    "مغربي", "المغرب", "سوداني", "السودان", "يمني", "اليمن", "عماني", "بحريني", "البحرين", "فلسطيني", "أفغاني",
    "أفغانستان", "إندونيسي", "ماليزي", "كوري", "مولدوفي", "صربي", "صربيا", "ليتواني", "لاتفي", "إستوني",
    "تبليسي", "برلين", "لندن", "روما", "مدريد", "بكين", "طوكيو", "كييف", "مينسك", "أستانا", "دمشق", "بغداد",
)
