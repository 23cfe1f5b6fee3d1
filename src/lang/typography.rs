//! Typographic conventions of each language, as data: how a sentence ends and which marks count
//! as the same ending, which quotation marks open and close a quote, whether a unit is set off
//! from its number by a space, and which words may stand twice in a row.
//!
//! Read by `punctuation-mismatch`, `whitespace` and `doubled-word`. A language is a
//! [`Typography`] table here and an arm in [`typography_for`]; the rules hold no language in
//! their code.

/// How a sentence or string ends, whatever the script writes it with (`.` and `。`, `?` and
/// `？`, `...` and `…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    FullStop,
    Question,
    Exclamation,
    Colon,
    Ellipsis,
}

impl Ending {
    /// The ending a character makes (`...` is read as three full stops: see
    /// [`Ending::Ellipsis`] in the scanners).
    pub fn of(c: char) -> Option<Ending> {
        Some(match c {
            '.' | '。' | '．' | '｡' => Ending::FullStop,
            '?' | '？' | '‽' | '⁇' | '⁈' | '⁉' => Ending::Question,
            '!' | '！' | '‼' => Ending::Exclamation,
            ':' | '：' => Ending::Colon,
            '…' | '⋯' => Ending::Ellipsis,
            _ => return None,
        })
    }

    /// What the mark is called in a message.
    pub fn name(self) -> &'static str {
        match self {
            Ending::FullStop => "full stop",
            Ending::Question => "question mark",
            Ending::Exclamation => "exclamation mark",
            Ending::Colon => "colon",
            Ending::Ellipsis => "ellipsis",
        }
    }
}

/// A kind of bracket or quotation mark: marks of one family pair up with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `( )` and full-width `（ ）` (which may pair with each other).
    Round,
    /// `[ ]` and `［ ］`.
    Square,
    /// `【 】`.
    Lenticular,
    /// `〔 〕`.
    Tortoise,
    /// `《 》` (titles).
    Title,
    /// `〈 〉`.
    AngleTitle,
    /// `「 」`.
    Corner,
    /// `『 』`.
    WhiteCorner,
    /// `" “ ” „`.
    Double,
    /// `' ‘ ’ ‚` (apostrophes aside).
    Single,
    /// `« »`.
    Guillemet,
    /// `‹ ›`.
    SingleGuillemet,
}

/// How many families there are (for per-family counters).
pub const FAMILIES: usize = 12;

impl Family {
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the family is a quotation mark (else a bracket).
    pub fn is_quote(self) -> bool {
        matches!(
            self,
            Family::Double
                | Family::Single
                | Family::Guillemet
                | Family::SingleGuillemet
                | Family::Corner
                | Family::WhiteCorner
        )
    }

    pub const ALL: [Family; FAMILIES] = [
        Family::Round,
        Family::Square,
        Family::Lenticular,
        Family::Tortoise,
        Family::Title,
        Family::AngleTitle,
        Family::Corner,
        Family::WhiteCorner,
        Family::Double,
        Family::Single,
        Family::Guillemet,
        Family::SingleGuillemet,
    ];
}

/// What a mark does in a language: opens, closes, or either (the Swedish `”` opens and closes
/// a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
    Either,
}

/// The family and role of a bracket (the same in every language), or `None`.
pub fn bracket(c: char) -> Option<(Family, Role)> {
    use Family::*;
    use Role::*;
    Some(match c {
        '(' | '（' => (Round, Open),
        ')' | '）' => (Round, Close),
        '[' | '［' => (Square, Open),
        ']' | '］' => (Square, Close),
        '【' => (Lenticular, Open),
        '】' => (Lenticular, Close),
        '〔' => (Tortoise, Open),
        '〕' => (Tortoise, Close),
        '《' => (Title, Open),
        '》' => (Title, Close),
        '〈' => (AngleTitle, Open),
        '〉' => (AngleTitle, Close),
        '「' => (Corner, Open),
        '」' => (Corner, Close),
        '『' => (WhiteCorner, Open),
        '』' => (WhiteCorner, Close),
        _ => return None,
    })
}

/// The family of a quotation mark, or `None` (its role is the language's: [`Typography::quote`]).
pub fn quote_family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '“' | '”' | '„' => Family::Double,
        '\'' | '‘' | '’' | '‚' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        _ => return None,
    })
}

/// Whether a language sets a unit off from its number with a space (`10 mg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitSpace {
    /// Always (Swedish: `10 mg`, `30 °C`, `25 %`): `10mg` is reported.
    Required,
    /// Where the reference does (`10mg` is reported when the reference writes `10 mg`).
    AsReference,
    /// Never required (Chinese writes `10mg` and `10 mg` alike).
    Never,
}

/// A character that is a word by itself and is reported when written twice in a row (Chinese
/// `的的`), with the words it makes with its neighbours: `ends` are the characters that form a
/// word ending in it (`为` of `为了`: `为了了解` is `为了` + `了解`), `starts` those that form a
/// word beginning with it (`解` of `了解`).
#[derive(Debug, Clone, Copy)]
pub struct FunctionChar {
    pub c: char,
    pub ends: &'static str,
    pub starts: &'static str,
}

/// The conventions of one language.
#[derive(Debug)]
pub struct Typography {
    pub lang: &'static str,
    /// Short strings and headings often end without a full stop even where the reference has
    /// one (Chinese): a lost full stop or exclamation mark is reported only when another
    /// sentence of the same string ends with a full stop.
    pub bare_last_sentence: bool,
    /// Words that make a sentence a question without a question mark being needed to see it
    /// (Chinese `吗`, `什么`): when the table is not empty, a lost question mark is reported only
    /// in a string that holds one of them (a question rephrased as a heading is no loss).
    pub question_words: &'static [&'static str],
    /// Endings of the reference that the language writes with another mark: `(reference,
    /// translation)` (Swedish writes `Note:` as `Obs!`).
    pub equivalent_endings: &'static [(Ending, Ending)],
    /// Abbreviations whose full stop need not end a sentence (`etc.`), lowercase without their
    /// last full stop: a reference ending with one expects no full stop of its translation.
    pub abbreviations: &'static [&'static str],
    /// Quotation marks and what each does; a mark not listed opens or closes.
    pub quotes: &'static [(char, Role)],
    pub unit_space: UnitSpace,
    /// Whether a space before `.`, `,`, `;`, `:`, `!` or `?` may be right (French sets one
    /// before `?`, `!`, `:` and `;`): where it is not, one the reference lacks is reported.
    pub space_before_marks: bool,
    /// Words that may stand twice in a row (lowercase): `that that`, `had had`.
    pub doubled_words: &'static [&'static str],
    /// For a language written without spaces: the characters reported when doubled.
    pub function_chars: &'static [FunctionChar],
    /// Characters that start a repetition that is normal (`一步一步`, `每天每天` aside).
    pub repeat_starts: &'static str,
    /// Words of several characters whose repetition is normal (`休息休息`, "rest a little").
    pub reduplicated: &'static [&'static str],
}

impl Typography {
    /// The role of quotation mark `c` in this language.
    pub fn quote(&self, c: char) -> Role {
        self.quotes
            .iter()
            .find(|(q, _)| *q == c)
            .map_or(Role::Either, |&(_, r)| r)
    }

    /// The function-character entry of `c`, if it is one.
    pub fn function_char(&self, c: char) -> Option<&FunctionChar> {
        self.function_chars.iter().find(|f| f.c == c)
    }
}

/// English (and Chinese) quotation marks: curly quotes have a direction, straight ones do not.
const DIRECTED_QUOTES: &[(char, Role)] = &[
    ('“', Role::Open),
    ('”', Role::Close),
    ('„', Role::Open),
    ('‘', Role::Open),
    ('’', Role::Close),
    ('‚', Role::Open),
    ('«', Role::Open),
    ('»', Role::Close),
    ('‹', Role::Open),
    ('›', Role::Close),
];

pub static EN: Typography = Typography {
    lang: "en",
    bare_last_sentence: false,
    question_words: &[],
    equivalent_endings: &[],
    abbreviations: &[
        "etc", "e.g", "i.e", "approx", "incl", "vs", "inc", "ltd", "co", "cf",
    ],
    quotes: DIRECTED_QUOTES,
    unit_space: UnitSpace::AsReference,
    space_before_marks: false,
    doubled_words: &[
        "that", "had", "do", "bye", "no", "very", "really", "ha", "knock",
    ],
    function_chars: &[],
    repeat_starts: "",
    reduplicated: &[],
};

pub static SV: Typography = Typography {
    lang: "sv",
    bare_last_sentence: false,
    question_words: &[],
    // `Note:` → `Obs!`, `Warning:` → `Varning!`.
    equivalent_endings: &[(Ending::Colon, Ending::Exclamation)],
    abbreviations: &[
        "osv", "m.m", "t.ex", "bl.a", "etc", "ca", "inkl", "resp", "o.s.v", "m.fl",
    ],
    // `”citat”`, `’citat’` and `»citat»`: the same mark opens and closes.
    quotes: &[
        ('“', Role::Open),
        ('„', Role::Open),
        ('‘', Role::Open),
        ('‚', Role::Open),
    ],
    unit_space: UnitSpace::Required,
    // `Det det handlar om …`, `Var var du?`, `den den gäller`, `så så`.
    space_before_marks: false,
    doubled_words: &["det", "den", "var", "så", "bla"],
    function_chars: &[],
    repeat_starts: "",
    reduplicated: &[],
};

pub static ZH: Typography = Typography {
    lang: "zh",
    bare_last_sentence: true,
    question_words: &[
        "吗", "呢", "什么", "怎么", "怎样", "如何", "哪", "谁", "多少", "是否", "能否", "可否",
        "难道", "为何", "何时", "何处", "啥",
    ],
    // A colon that introduces a list is often a full sentence in Chinese (`…体验。`).
    equivalent_endings: &[(Ending::Colon, Ending::FullStop)],
    abbreviations: &[],
    quotes: DIRECTED_QUOTES,
    unit_space: UnitSpace::Never,
    space_before_marks: false,
    doubled_words: &[],
    // Reduplication is grammar in Chinese (`看看`, `慢慢`, `常常`, `天天`, `人人`, `谢谢`):
    // only characters that are never doubled are reported, and not where the two belong to
    // two words (`为了|了解`, `现在|在家`, `目的|的`).
    function_chars: &[
        FunctionChar {
            c: '的',
            ends: "目标",
            starts: "确士",
        },
        FunctionChar {
            c: '了',
            ends: "为除不",
            starts: "解然结却不如",
        },
        FunctionChar {
            c: '是',
            ends: "可但于就还总要只真若凡像算或不正便即乃也都倒而硬老其别光确却又",
            starts: "否非的因",
        },
        FunctionChar {
            c: '在',
            ends: "现存实所自好内外潜旨健",
            starts: "于意乎场线内职校世",
        },
        FunctionChar {
            c: '和',
            ends: "温缓平柔总调饱混共",
            starts: "谐平睦",
        },
        FunctionChar {
            c: '与',
            ends: "给参赋授",
            starts: "其会",
        },
        FunctionChar {
            c: '及',
            ends: "以涉普危波顾来",
            starts: "时其早格",
        },
        FunctionChar {
            c: '或',
            ends: "甚抑也",
            starts: "许者",
        },
        FunctionChar {
            c: '把',
            ends: "一",
            starts: "握关",
        },
        FunctionChar {
            c: '被',
            ends: "",
            starts: "子告动",
        },
        FunctionChar {
            c: '对',
            ends: "反绝相面针应核校",
            starts: "于象方话比照应待",
        },
        FunctionChar {
            c: '从',
            ends: "服听顺自跟盲无",
            starts: "事而前来未",
        },
        FunctionChar {
            c: '向',
            ends: "方意倾导面转走指",
            starts: "日导",
        },
        FunctionChar {
            c: '给',
            ends: "供交补递配发送自",
            starts: "予",
        },
        FunctionChar {
            c: '也',
            ends: "",
            starts: "许",
        },
        FunctionChar {
            c: '都',
            ends: "首大",
            starts: "市",
        },
        FunctionChar {
            c: '就',
            ends: "成造迁将",
            starts: "是业诊医餐",
        },
        FunctionChar {
            c: '并',
            ends: "合吞",
            starts: "且非发不列用",
        },
        FunctionChar {
            c: '而',
            ends: "然因从进反继转幸故",
            starts: "且言已",
        },
        FunctionChar {
            c: '但',
            ends: "不非",
            starts: "是凡愿",
        },
        FunctionChar {
            c: '很',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '我',
            ends: "自",
            starts: "",
        },
        FunctionChar {
            c: '你',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '您',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '他',
            ends: "其",
            starts: "",
        },
        FunctionChar {
            c: '她',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '它',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '们',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '吗',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '呢',
            ends: "",
            starts: "",
        },
        FunctionChar {
            c: '着',
            ends: "沿随接味显",
            starts: "急想重手陆",
        },
        FunctionChar {
            c: '过',
            ends: "不经通超难度错路越透",
            starts: "程敏量期度去滤",
        },
        FunctionChar {
            c: '地',
            ends: "土场本当各外基目境质",
            starts: "区方点址图下",
        },
        FunctionChar {
            c: '得',
            ends: "获取记觉值懂使免显难不",
            starts: "到出知分",
        },
        FunctionChar {
            c: '之',
            ends: "总随反加换久",
            starts: "一后前间内外",
        },
        FunctionChar {
            c: '其',
            ends: "尤与极及",
            starts: "他中实次余",
        },
        FunctionChar {
            c: '将',
            ends: "即必行",
            starts: "来近",
        },
        FunctionChar {
            c: '已',
            ends: "而早不",
            starts: "经知",
        },
        FunctionChar {
            c: '为',
            ends: "因作成认行以较更最称视分极",
            starts: "了止何主期",
        },
        FunctionChar {
            c: '以',
            ends: "可所难加予足用借",
            starts: "及上下后前内外便免",
        },
        FunctionChar {
            c: '于',
            ends: "由对关在属至等基处便用适终位过高低大小多少善易急免鉴出始源",
            starts: "是",
        },
        FunctionChar {
            c: '所',
            ends: "场诊厕住",
            starts: "有以在需述",
        },
        FunctionChar {
            c: '请',
            ends: "申邀聘宴",
            starts: "求教假",
        },
    ],
    // `一步一步`, `一次一次`, `每天` and counted repetitions are normal.
    repeat_starts: "一二三四五六七八九十两几每半",
    reduplicated: &[
        "休息", "研究", "考虑", "商量", "讨论", "活动", "锻炼", "学习", "了解", "检查", "谢谢",
    ],
};

/// Languages without a table: any quotation mark may open or close, the space between a
/// number and its unit follows the reference, no doubled word is allowed.
pub static DEFAULT: Typography = Typography {
    lang: "",
    bare_last_sentence: false,
    question_words: &[],
    equivalent_endings: &[],
    abbreviations: &[],
    quotes: &[],
    unit_space: UnitSpace::AsReference,
    space_before_marks: true,
    doubled_words: &[],
    function_chars: &[],
    repeat_starts: "",
    reduplicated: &[],
};

/// The table for a locale tag (`sv-SE` → Swedish), by its language subtag.
pub fn typography_for(tag: &str) -> &'static Typography {
    let lang = tag.split(['-', '_']).next().unwrap_or("");
    match lang.to_ascii_lowercase().as_str() {
        "en" => &EN,
        "sv" => &SV,
        "zh" => &ZH,
        _ => &DEFAULT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_of_every_script() {
        for (c, e) in [
            ('.', Ending::FullStop),
            ('。', Ending::FullStop),
            ('？', Ending::Question),
            ('！', Ending::Exclamation),
            ('：', Ending::Colon),
            ('…', Ending::Ellipsis),
        ] {
            assert_eq!(Ending::of(c), Some(e), "{c}");
        }
        assert_eq!(Ending::of(','), None);
    }

    #[test]
    fn tables_by_tag() {
        assert_eq!(typography_for("sv-SE").lang, "sv");
        assert_eq!(typography_for("zh-Hans").lang, "zh");
        assert_eq!(typography_for("de").lang, "");
        assert_eq!(SV.quote('”'), Role::Either);
        assert_eq!(EN.quote('”'), Role::Close);
    }

    #[test]
    fn function_characters_are_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for f in ZH.function_chars {
            assert!(seen.insert(f.c), "{} twice", f.c);
            assert!(!f.ends.contains(f.c) && !f.starts.contains(f.c), "{}", f.c);
        }
    }
}
