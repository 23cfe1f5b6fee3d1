//! Exact decimal numbers, for the values of quantities.
//!
//! A [`Decimal`] is a non-negative number `mantissa × 10^exponent`, normalised so that the
//! mantissa has no trailing zero: each value has exactly one representation, and equality (and
//! the bucketing keys of the pairing, [`DecimalKey`]) is structural. Every number the extractor
//! reads (digits with separators, number words, Chinese numerals) is a finite decimal, so it is
//! held exactly, and so is each product by a unit's size ([`super::Unit::base`]: 60, 1440, 1000,
//! …) or a multiplier (`million`, `万`).
//!
//! Representations, and what compares as what:
//!
//! * up to 38 significant digits (a `u128` mantissa): held inline;
//! * more (a 400- or 10,000-digit string of digits): the significant digits are kept on the heap,
//!   still exact. Two such numbers are equal exactly when their digits and exponent are, and
//!   multiplying one by a power of ten or by a unit's size stays exact;
//! * [`Decimal::INEXACT`]: the result of arithmetic that cannot be carried out exactly, which is
//!   only reachable from absurd input: a Chinese numeral or a number word product beyond 38
//!   digits (`一万一万一万…`, the old `f64` reading made it `inf`), a product of two huge
//!   mantissas, or an exponent beyond ±2^63 (a text longer than any memory). It is equal to no
//!   value, itself included, like `NaN`: a quantity with such a value never matches anything and
//!   is reported when the other side does not have it.
//!
//! There is no parsing of exponent notation: `1e999` is an identifier to the extractor, compared
//! verbatim. The only use of `f64` is [`Decimal::to_f64`], the approximate value shown in the
//! JSON report.

use std::fmt;
use std::sync::Arc;

/// A non-negative exact decimal number; see the [module documentation](self).
#[derive(Clone)]
pub struct Decimal(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// `mant × 10^exp`, `mant` not a multiple of ten; zero is `0 × 10^0`.
    Small { mant: u128, exp: i64 },
    /// A mantissa that does not fit a `u128`.
    Big(Arc<Big>),
    /// Not exactly known.
    Inexact,
}

/// The significant digits (0–9, most significant first, the first and the last non-zero) of a
/// number too long for a `u128`, times `10^exp`.
#[derive(PartialEq, Eq, Hash)]
struct Big {
    digits: Box<[u8]>,
    exp: i64,
}

/// A [`Decimal`] that is exactly known, for hashing and equality (a plain `Decimal` has no
/// `Eq`: [`Decimal::INEXACT`] is not equal to itself).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DecimalKey(Repr);

impl fmt::Debug for DecimalKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Decimal(self.0.clone()), f)
    }
}

impl Decimal {
    pub const ZERO: Decimal = Decimal(Repr::Small { mant: 0, exp: 0 });
    pub const ONE: Decimal = Decimal(Repr::Small { mant: 1, exp: 0 });
    /// A value that could not be computed exactly; equal to nothing.
    pub const INEXACT: Decimal = Decimal(Repr::Inexact);

    /// `mant × 10^exp`, normalised.
    pub fn new(mut mant: u128, mut exp: i64) -> Decimal {
        if mant == 0 {
            return Decimal::ZERO;
        }
        while mant % 10 == 0 {
            mant /= 10;
            match exp.checked_add(1) {
                Some(e) => exp = e,
                None => return Decimal::INEXACT,
            }
        }
        Decimal(Repr::Small { mant, exp })
    }

    /// `10^exp`.
    pub fn pow10(exp: i64) -> Decimal {
        Decimal(Repr::Small { mant: 1, exp })
    }

    /// The value of a string of ASCII digits with the decimal point before the last `frac`
    /// of them (any length; leading zeros are allowed).
    pub fn from_ascii(digits: &str, frac: usize) -> Decimal {
        let mut b = DigitBuilder::default();
        let int_len = digits.len().saturating_sub(frac);
        for (k, c) in digits.bytes().enumerate() {
            if k == int_len {
                b.point();
            }
            b.push(c.wrapping_sub(b'0'));
        }
        b.finish()
    }

    /// Whether the value is exactly known (not [`Decimal::INEXACT`]).
    pub fn is_exact(&self) -> bool {
        !matches!(self.0, Repr::Inexact)
    }

    /// The key for hashing an exactly known value.
    pub fn key(&self) -> Option<DecimalKey> {
        self.is_exact().then(|| DecimalKey(self.0.clone()))
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small { mant: 0, .. })
    }

    pub fn is_one(&self) -> bool {
        matches!(self.0, Repr::Small { mant: 1, exp: 0 })
    }

    /// Whether the value is a whole number.
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small { exp, .. } => *exp >= 0,
            Repr::Big(b) => b.exp >= 0,
            Repr::Inexact => false,
        }
    }

    /// The whole part of the value (truncated), saturating at `u32::MAX` (what `f64 as u32`
    /// gave). [`Decimal::INEXACT`] gives `u32::MAX`, as `inf` did.
    pub fn trunc_u32(&self) -> u32 {
        match &self.0 {
            Repr::Small { mant, exp } if *exp >= 0 => u32::try_from(*exp)
                .ok()
                .and_then(|e| 10u128.checked_pow(e))
                .and_then(|p| mant.checked_mul(p))
                .map_or(u32::MAX, |v| u32::try_from(v).unwrap_or(u32::MAX)),
            Repr::Small { mant, exp } => {
                let whole = u32::try_from(exp.unsigned_abs())
                    .ok()
                    .and_then(|e| 10u128.checked_pow(e))
                    .map_or(0, |p| mant / p);
                u32::try_from(whole).unwrap_or(u32::MAX)
            }
            Repr::Big(b) => {
                // The digits before the decimal point; a Big mantissa has more than 38 digits.
                let n = b.digits.len() as i64;
                let whole = n.saturating_add(b.exp);
                if whole <= 0 {
                    0
                } else if whole > 10 {
                    u32::MAX
                } else {
                    let v = b.digits[..whole as usize]
                        .iter()
                        .fold(0u64, |v, &d| v * 10 + u64::from(d));
                    u32::try_from(v).unwrap_or(u32::MAX)
                }
            }
            Repr::Inexact => u32::MAX,
        }
    }

    /// The exact product, or [`Decimal::INEXACT`] when neither factor is a power of ten and the
    /// product of the mantissas overflows, or both mantissas are huge.
    pub fn mul(&self, other: &Decimal) -> Decimal {
        match (&self.0, &other.0) {
            (Repr::Inexact, _) | (_, Repr::Inexact) => Decimal::INEXACT,
            (Repr::Small { mant: 0, .. }, _) | (_, Repr::Small { mant: 0, .. }) => Decimal::ZERO,
            (Repr::Small { mant: 1, exp }, _) => other.mul_pow10(*exp),
            (_, Repr::Small { mant: 1, exp }) => self.mul_pow10(*exp),
            (Repr::Small { mant: a, exp: ea }, Repr::Small { mant: b, exp: eb }) => {
                let Some(exp) = ea.checked_add(*eb) else {
                    return Decimal::INEXACT;
                };
                match a.checked_mul(*b) {
                    Some(m) => Decimal::new(m, exp),
                    None => match u64::try_from(*b) {
                        Ok(k) => big_times(&small_digits(*a), *ea, k, *eb),
                        Err(_) => match u64::try_from(*a) {
                            Ok(k) => big_times(&small_digits(*b), *eb, k, *ea),
                            Err(_) => Decimal::INEXACT,
                        },
                    },
                }
            }
            (Repr::Big(big), Repr::Small { mant, exp })
            | (Repr::Small { mant, exp }, Repr::Big(big)) => match u64::try_from(*mant) {
                Ok(k) => big_times(&big.digits, big.exp, k, *exp),
                Err(_) => Decimal::INEXACT,
            },
            (Repr::Big(_), Repr::Big(_)) => Decimal::INEXACT,
        }
    }

    /// `self × 10^k`.
    pub fn mul_pow10(&self, k: i64) -> Decimal {
        match &self.0 {
            Repr::Small { mant: 0, .. } => Decimal::ZERO,
            Repr::Small { mant, exp } => match exp.checked_add(k) {
                Some(exp) => Decimal(Repr::Small { mant: *mant, exp }),
                None => Decimal::INEXACT,
            },
            Repr::Big(b) => match b.exp.checked_add(k) {
                Some(exp) => Decimal(Repr::Big(Arc::new(Big {
                    digits: b.digits.clone(),
                    exp,
                }))),
                None => Decimal::INEXACT,
            },
            Repr::Inexact => Decimal::INEXACT,
        }
    }

    /// The nearest `f64` (correctly rounded; `inf` beyond its range, `NaN` for
    /// [`Decimal::INEXACT`]): only for showing the value (the JSON report), never to compare.
    pub fn to_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small { mant, exp: 0 } if *mant < 1 << 53 => *mant as f64,
            Repr::Small { mant, exp } => format!("{mant}e{exp}").parse().unwrap_or(f64::NAN),
            Repr::Big(b) => {
                let mut s: String = b.digits.iter().map(|d| char::from(b'0' + d)).collect();
                s.push('e');
                s.push_str(&b.exp.to_string());
                s.parse().unwrap_or(f64::NAN)
            }
            Repr::Inexact => f64::NAN,
        }
    }
}

/// The decimal digits of `m`, most significant first.
fn small_digits(m: u128) -> Vec<u8> {
    m.to_string().bytes().map(|c| c - b'0').collect()
}

/// `digits × 10^exp × k × 10^kexp`, exactly.
fn big_times(digits: &[u8], exp: i64, k: u64, kexp: i64) -> Decimal {
    let Some(exp) = exp.checked_add(kexp) else {
        return Decimal::INEXACT;
    };
    // Schoolbook multiplication by a single "digit" k < 2^64: each step is below 10·k + k.
    let k = u128::from(k);
    let mut out: Vec<u8> = Vec::with_capacity(digits.len() + 20);
    let mut carry: u128 = 0;
    for &d in digits.iter().rev() {
        let x = u128::from(d) * k + carry;
        out.push((x % 10) as u8);
        carry = x / 10;
    }
    while carry > 0 {
        out.push((carry % 10) as u8);
        carry /= 10;
    }
    out.reverse();
    let mut b = DigitBuilder::default();
    for d in out {
        b.push(d);
    }
    let d = b.finish();
    d.mul_pow10(exp)
}

/// Reads a number digit by digit, exactly, in time linear in the number of digits.
#[derive(Default)]
pub struct DigitBuilder {
    /// The significant digits so far, while they fit.
    mant: u128,
    /// All significant digits so far, once they no longer fit `mant`.
    big: Vec<u8>,
    /// Whether a non-zero digit has been read.
    started: bool,
    /// Zeros read after the last non-zero digit, not yet in the mantissa.
    zeros: u64,
    /// Digits read after the decimal point.
    frac: u64,
    after_point: bool,
}

impl DigitBuilder {
    /// Reads the digit `d` (0–9; anything larger is taken as 9, so that no input panics).
    pub fn push(&mut self, d: u8) {
        let d = d.min(9);
        if self.after_point {
            self.frac = self.frac.saturating_add(1);
        }
        if d == 0 {
            if self.started {
                self.zeros = self.zeros.saturating_add(1);
            }
            return;
        }
        self.started = true;
        while self.zeros > 0 {
            self.zeros -= 1;
            self.append(0);
        }
        self.append(d);
    }

    /// Marks the decimal point: the digits after it are the fraction.
    pub fn point(&mut self) {
        self.after_point = true;
    }

    fn append(&mut self, d: u8) {
        if self.big.is_empty() {
            if let Some(m) = self
                .mant
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d)))
            {
                self.mant = m;
                return;
            }
            self.big = small_digits(self.mant);
        }
        self.big.push(d);
    }

    pub fn finish(self) -> Decimal {
        if !self.started {
            return Decimal::ZERO;
        }
        // Both counts are bounded by the length of the text.
        let (Ok(zeros), Ok(frac)) = (i64::try_from(self.zeros), i64::try_from(self.frac)) else {
            return Decimal::INEXACT;
        };
        let exp = zeros - frac;
        if self.big.is_empty() {
            Decimal(Repr::Small {
                mant: self.mant,
                exp,
            })
        } else {
            Decimal(Repr::Big(Arc::new(Big {
                digits: self.big.into_boxed_slice(),
                exp,
            })))
        }
    }
}

impl From<u64> for Decimal {
    fn from(v: u64) -> Decimal {
        Decimal::new(u128::from(v), 0)
    }
}

impl From<u128> for Decimal {
    fn from(v: u128) -> Decimal {
        Decimal::new(v, 0)
    }
}

/// Value equality; [`Decimal::INEXACT`] equals nothing, itself included.
impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.is_exact() && self.0 == other.0
    }
}

impl fmt::Display for Decimal {
    /// Plain notation (`5.9`, `0.0000000005`, `1000`) for exponents up to 40 away from the
    /// digits, scientific (`12e-400`) beyond, and `inexact`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (digits, exp) = match &self.0 {
            Repr::Small { mant, exp } => (mant.to_string(), *exp),
            Repr::Big(b) => (
                b.digits.iter().map(|d| char::from(b'0' + d)).collect(),
                b.exp,
            ),
            Repr::Inexact => return f.write_str("inexact"),
        };
        let n = digits.len() as i64;
        if (0..=40).contains(&exp) {
            write!(f, "{digits}{}", "0".repeat(exp as usize))
        } else if exp < 0 && -exp <= n + 40 {
            let point = n + exp;
            if point > 0 {
                write!(
                    f,
                    "{}.{}",
                    &digits[..point as usize],
                    &digits[point as usize..]
                )
            } else {
                write!(f, "0.{}{digits}", "0".repeat((-point) as usize))
            }
        } else {
            write!(f, "{digits}e{exp}")
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
