// An incremental JSON reader: bytes go in chunk by chunk (split anywhere),
// structure comes out as calls on a listener (open/close, keys, numbers,
// strings, literals). No recursion and no text kept: containers live on a
// fixed-size stack, a string keeps only its first bytes, a number only its
// own characters. The listener may refuse at any call, which stops reading.
import { quoteInput } from "../../errors/quote-input";
import { QUOTE_CHARS } from "./decode-result";

/** What the reader reports; each call returns a refusal message, or null to go on. */
export type JsonListener = {
  /** `depth`: containers already open around this one (0 at the top). */
  openArray(depth: number): string | null;
  closeArray(depth: number): string | null;
  openObject(depth: number): string | null;
  closeObject(depth: number): string | null;
  /** An object key; null when it is longer than STRING_KEEP_BYTES (so none the reader looks for). */
  key(name: string | null): string | null;
  number(value: number): string | null;
  /** A string value; `value` null when longer than STRING_KEEP_BYTES. `quoted` is its start, for messages. */
  string(value: string | null, quoted: string): string | null;
  /** A string value grew past STRING_KEEP_BYTES: the listener may refuse before the rest arrives. */
  longString(quoted: string): string | null;
  literal(name: "true" | "false" | "null"): string | null;
};

/** Bytes of a string kept for comparing and quoting; longer strings are skipped past. */
export const STRING_KEEP_BYTES = 64;
/** Characters a number may have ("-1.2345678901234567e-308" is 24). */
export const MAX_NUMBER_CHARS = 128;

const INVALID = "not valid JSON";
const HINT = 'send nested arrays, or {"shape": [...], "data": [...]}';

// What the grammar expects next.
const EXPECT_VALUE = 0;
const EXPECT_VALUE_OR_CLOSE = 1;
const EXPECT_KEY_OR_CLOSE = 2;
const EXPECT_KEY = 3;
const EXPECT_COLON = 4;
const EXPECT_COMMA_OR_CLOSE = 5;
const EXPECT_END = 6;

// The token being read.
const TOKEN_NONE = 0;
const TOKEN_NUMBER = 1;
const TOKEN_STRING = 2;
const TOKEN_LITERAL = 3;

// Where a number is in its grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRAC = 4;
const N_E = 5;
const N_EXP_SIGN = 6;
const N_EXP = 7;

const ARRAY = 1;
const OBJECT = 2;

/** Digits a mantissa may have and still be exact in a double (< 2^53). */
const EXACT_DIGITS = 15;
/** Powers of ten that are exact doubles: m·10^e and m/10^e then round once, as parsing does. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

const LITERALS = ["true", "false", "null"] as const;
/** Turns a number's ASCII characters into a string (the fastest way measured, ahead of String.fromCharCode). */
const LATIN1 = new TextDecoder("latin1");
const BOM = [0xef, 0xbb, 0xbf];

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isHex(b: number): boolean {
  return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function describeByte(b: number): string {
  if (b >= 0x21 && b <= 0x7e) return JSON.stringify(String.fromCharCode(b));
  return `byte 0x${b.toString(16).padStart(2, "0")}`;
}

/**
 * Reads one JSON value from bytes fed in any split. `write` and `end`
 * return a message (syntax error, nesting past `maxDepth`, or the
 * listener's refusal) or null; after a message, nothing more is read.
 */
export class JsonScanner {
  private readonly listener: JsonListener;
  private readonly maxDepth: number;
  private readonly stack: Uint8Array;
  private depth = 0;
  private expect = EXPECT_VALUE;
  private token = TOKEN_NONE;
  private offset = 0;
  private bomAt = 0;
  private failed: string | null = null;

  private numState = N_MINUS;
  private readonly numChars = new Uint8Array(MAX_NUMBER_CHARS);
  private numLength = 0;
  private mantissa = 0;
  private digits = 0;
  private fractionDigits = 0;
  private exponent = 0;
  private exponentNegative = false;
  private negative = false;

  private readonly strBytes = new Uint8Array(STRING_KEEP_BYTES);
  private strLength = 0;
  private strIsKey = false;
  /** 0: plain; 1: after a backslash; 2–5: hex digits of \uXXXX still to come. */
  private strEscape = 0;

  private literal: (typeof LITERALS)[number] = "null";
  private literalAt = 0;

  /** `maxDepth`: containers that may be open at once; one more is refused with "too many nested levels". */
  constructor(listener: JsonListener, maxDepth: number) {
    this.listener = listener;
    this.maxDepth = maxDepth;
    this.stack = new Uint8Array(maxDepth + 1);
  }

  /** Reads `bytes`; a message when the input is refused. */
  write(bytes: Uint8Array): string | null {
    if (this.failed) return this.failed;
    const length = bytes.length;
    let i = 0;
    // A UTF-8 byte order mark may open the file (TextDecoder drops it too).
    while (this.bomAt < BOM.length && i < length) {
      if (bytes[i] === BOM[this.bomAt]) {
        i++;
        this.bomAt++;
      } else this.bomAt = BOM.length;
    }
    for (; i < length; i++) {
      const b = bytes[i] ?? 0;
      if (this.token === TOKEN_NUMBER) {
        if (this.numberByte(b)) continue;
        const problem = this.endNumber();
        if (problem) return this.fail(problem);
      } else if (this.token === TOKEN_STRING) {
        const problem = this.stringByte(b);
        if (problem) return this.fail(problem, i);
        continue;
      } else if (this.token === TOKEN_LITERAL) {
        if (b !== this.literal.charCodeAt(this.literalAt)) return this.unexpected(b, i);
        this.literalAt++;
        if (this.literalAt === this.literal.length) {
          this.token = TOKEN_NONE;
          const problem = this.valueDone(this.listener.literal(this.literal));
          if (problem) return this.fail(problem);
        }
        continue;
      }
      const problem = this.structureByte(b, i);
      if (problem) return this.fail(problem, i);
    }
    this.offset += length;
    return null;
  }

  /** The input ended; a message when the value is incomplete or refused. */
  end(): string | null {
    if (this.failed) return this.failed;
    if (this.token === TOKEN_NUMBER) {
      const problem = this.endNumber();
      if (problem) return this.fail(problem);
    }
    if (this.offset === 0 && this.expect === EXPECT_VALUE) return this.fail(`${INVALID} (the file is empty): ${HINT}`);
    if (this.token !== TOKEN_NONE || this.expect !== EXPECT_END) return this.fail(`${INVALID} (the file ends before the value is complete): ${HINT}`);
    return null;
  }

  private fail(message: string, at?: number): string {
    if (at !== undefined) this.offset += at;
    this.failed = message;
    return message;
  }

  private unexpected(b: number, at: number): string {
    return this.fail(`${INVALID} (unexpected ${describeByte(b)} at byte ${(this.offset + at).toLocaleString("en-US")}): ${HINT}`, at);
  }

  /** A byte outside any token: whitespace, punctuation, or the start of a value or key. */
  private structureByte(b: number, at: number): string | null {
    if (isSpace(b)) return null;
    switch (this.expect) {
      case EXPECT_VALUE:
      case EXPECT_VALUE_OR_CLOSE:
        if (b === 0x5d && this.expect === EXPECT_VALUE_OR_CLOSE) return this.close(ARRAY, b, at);
        return this.startValue(b, at);
      case EXPECT_KEY_OR_CLOSE:
      case EXPECT_KEY:
        if (b === 0x7d && this.expect === EXPECT_KEY_OR_CLOSE) return this.close(OBJECT, b, at);
        if (b !== 0x22) return this.unexpected(b, at);
        this.startString(true);
        return null;
      case EXPECT_COLON:
        if (b !== 0x3a) return this.unexpected(b, at);
        this.expect = EXPECT_VALUE;
        return null;
      case EXPECT_COMMA_OR_CLOSE: {
        const inside = this.stack[this.depth - 1];
        if (b === 0x2c) {
          this.expect = inside === ARRAY ? EXPECT_VALUE : EXPECT_KEY;
          return null;
        }
        if (b === 0x5d && inside === ARRAY) return this.close(ARRAY, b, at);
        if (b === 0x7d && inside === OBJECT) return this.close(OBJECT, b, at);
        return this.unexpected(b, at);
      }
      default:
        return this.unexpected(b, at);
    }
  }

  private startValue(b: number, at: number): string | null {
    if (b === 0x5b || b === 0x7b) {
      const kind = b === 0x5b ? ARRAY : OBJECT;
      const problem = kind === ARRAY ? this.listener.openArray(this.depth) : this.listener.openObject(this.depth);
      if (problem) return problem;
      if (this.depth >= this.maxDepth) return `too many nested levels (at most ${this.maxDepth})`;
      this.stack[this.depth++] = kind;
      this.expect = kind === ARRAY ? EXPECT_VALUE_OR_CLOSE : EXPECT_KEY_OR_CLOSE;
      return null;
    }
    if (b === 0x22) {
      this.startString(false);
      return null;
    }
    if (b === 0x2d || isDigit(b)) {
      this.startNumber(b);
      return null;
    }
    const literal = LITERALS.find((word) => word.charCodeAt(0) === b);
    if (!literal) return this.unexpected(b, at);
    this.token = TOKEN_LITERAL;
    this.literal = literal;
    this.literalAt = 1;
    return null;
  }

  private close(kind: number, b: number, at: number): string | null {
    if (this.depth === 0 || this.stack[this.depth - 1] !== kind) return this.unexpected(b, at);
    this.depth--;
    return this.valueDone(kind === ARRAY ? this.listener.closeArray(this.depth) : this.listener.closeObject(this.depth));
  }

  /** After a whole value: a listener's refusal, or what may follow it. */
  private valueDone(problem: string | null): string | null {
    if (problem) return problem;
    this.expect = this.depth === 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
    return null;
  }

  private startNumber(b: number): void {
    this.token = TOKEN_NUMBER;
    this.numLength = 0;
    this.mantissa = 0;
    this.digits = 0;
    this.fractionDigits = 0;
    this.exponent = 0;
    this.exponentNegative = false;
    this.negative = b === 0x2d;
    this.numState = N_MINUS;
    if (!this.negative) this.numberByte(b);
    else this.numChars[this.numLength++] = b;
  }

  /** Takes `b` into the number being read; false when `b` is not part of it (the number ends before `b`). */
  private numberByte(b: number): boolean {
    const digit = isDigit(b);
    switch (this.numState) {
      case N_MINUS:
        if (!digit) return false;
        this.numState = b === 0x30 ? N_ZERO : N_INT;
        this.addDigit(b);
        break;
      case N_ZERO:
      case N_INT:
        if (digit && this.numState === N_INT) this.addDigit(b);
        else if (b === 0x2e) this.numState = N_DOT;
        else if (b === 0x65 || b === 0x45) this.numState = N_E;
        else return false;
        break;
      case N_DOT:
      case N_FRAC:
        if (digit) {
          this.numState = N_FRAC;
          this.fractionDigits++;
          this.addDigit(b);
        } else if (this.numState === N_FRAC && (b === 0x65 || b === 0x45)) this.numState = N_E;
        else return false;
        break;
      case N_E:
      case N_EXP_SIGN:
        if (digit) {
          this.numState = N_EXP;
          this.exponent = b - 0x30;
        } else if (this.numState === N_E && (b === 0x2b || b === 0x2d)) {
          this.numState = N_EXP_SIGN;
          this.exponentNegative = b === 0x2d;
        } else return false;
        break;
      default:
        if (!digit) return false;
        if (this.exponent < 1e6) this.exponent = this.exponent * 10 + (b - 0x30);
    }
    if (this.numLength >= MAX_NUMBER_CHARS) {
      // Reported by endNumber; keep the state machine honest meanwhile.
      this.numLength = MAX_NUMBER_CHARS + 1;
      return true;
    }
    this.numChars[this.numLength++] = b;
    return true;
  }

  private addDigit(b: number): void {
    this.digits++;
    if (this.digits <= EXACT_DIGITS) this.mantissa = this.mantissa * 10 + (b - 0x30);
  }

  private endNumber(): string | null {
    this.token = TOKEN_NONE;
    const state = this.numState;
    if (state !== N_ZERO && state !== N_INT && state !== N_FRAC && state !== N_EXP) {
      return `${INVALID} (a number is cut short): ${HINT}`;
    }
    if (this.numLength > MAX_NUMBER_CHARS) return `a number longer than ${MAX_NUMBER_CHARS} characters: write numbers with at most 17 significant digits`;
    const power = (this.exponentNegative ? -this.exponent : this.exponent) - this.fractionDigits;
    let value: number;
    if (this.digits <= EXACT_DIGITS && power >= -22 && power <= 22) {
      const scale = EXACT_POWERS[Math.abs(power)] ?? 1;
      value = power < 0 ? this.mantissa / scale : this.mantissa * scale;
      if (this.negative) value = -value;
    } else {
      value = Number(LATIN1.decode(this.numChars.subarray(0, this.numLength)));
    }
    return this.valueDone(this.listener.number(value));
  }

  private startString(isKey: boolean): void {
    this.token = TOKEN_STRING;
    this.strIsKey = isKey;
    this.strLength = 0;
    this.strEscape = 0;
  }

  /** Takes `b` into the string being read; a message on a bad escape or control character, or the listener's refusal. */
  private stringByte(b: number): string | null {
    if (this.strEscape === 0) {
      if (b === 0x22) return this.endString();
      if (b < 0x20) return `${INVALID} (a control character inside a string): ${HINT}`;
      if (b === 0x5c) this.strEscape = 1;
    } else if (this.strEscape === 1) {
      if (b === 0x75) this.strEscape = 2;
      else if (b === 0x22 || b === 0x5c || b === 0x2f || b === 0x62 || b === 0x66 || b === 0x6e || b === 0x72 || b === 0x74) this.strEscape = 0;
      else return `${INVALID} (a bad escape \\${String.fromCharCode(b)} inside a string): ${HINT}`;
    } else {
      if (!isHex(b)) return `${INVALID} (a bad \\u escape inside a string): ${HINT}`;
      this.strEscape = this.strEscape === 5 ? 0 : this.strEscape + 1;
    }
    if (this.strLength < STRING_KEEP_BYTES) this.strBytes[this.strLength] = b;
    this.strLength++;
    if (this.strLength === STRING_KEEP_BYTES + 1 && !this.strIsKey) return this.listener.longString(this.quoteString(true));
    return null;
  }

  private endString(): string | null {
    this.token = TOKEN_NONE;
    const long = this.strLength > STRING_KEEP_BYTES;
    const value = long ? null : this.stringValue();
    if (this.strIsKey) {
      this.expect = EXPECT_COLON;
      return this.listener.key(value);
    }
    const quoted = value === null ? this.quoteString(true) : quoteInput(value, QUOTE_CHARS);
    return this.valueDone(this.listener.string(value, quoted));
  }

  /** The kept bytes as the string JSON means (escapes resolved); the scanner has checked their syntax. */
  private stringValue(): string {
    const raw = new TextDecoder("utf-8").decode(this.strBytes.subarray(0, this.strLength));
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === "string" ? value : raw;
  }

  /** The start of a long string as written, for a message. */
  private quoteString(cut: boolean): string {
    const raw = new TextDecoder("utf-8").decode(this.strBytes.subarray(0, Math.min(this.strLength, STRING_KEEP_BYTES)));
    return quoteInput(raw, QUOTE_CHARS, cut);
  }
}
