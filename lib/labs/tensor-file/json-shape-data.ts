// A tensor written as {"shape": [...], "data": [...]}, checked as it streams
// in: the shape is checked (rank, whole numbers, element cap) as soon as it
// closes, and when it comes first the data is written straight into an array
// of exactly that size and refused at the first value too many. Nesting in
// "data" is flattened in row-major order; other keys are skipped.
import { checkShape, elementCount, MAX_RANK, tooManyElements } from "./decode-result";
import { FloatSink } from "./float-sink";
import { NOT_A_NUMBER } from "./json-nested";

export const OBJECT_FORM = 'a JSON object must be {"shape": [...], "data": [...]} (or send nested arrays instead)';
const SHAPE_NUMBERS = '"shape" must be a list of whole numbers';

export class ShapeAndData {
  private readonly maxElements: number;
  private shape: number[] | null = null;
  private readingShape: number[] | null = null;
  private dataSeen = false;
  private dataDone = false;
  private sink: FloatSink | null = null;
  /** Entries so far in each open array inside "data". */
  private readonly counts: number[] = [];

  constructor(maxElements: number) {
    this.maxElements = maxElements;
  }

  /** The "shape" value starts: `isArray` false means it is not a list at all. */
  startShape(isArray: boolean): string | null {
    if (this.shape || this.readingShape) return 'the key "shape" appears twice';
    if (!isArray) return OBJECT_FORM;
    this.readingShape = [];
    return null;
  }

  /** One entry of the shape list; null for anything but a number. */
  shapeEntry(value: number | null): string | null {
    if (!this.readingShape || value === null) return SHAPE_NUMBERS;
    if (this.readingShape.length >= MAX_RANK) return `too many axes: more than ${MAX_RANK} (at most ${MAX_RANK})`;
    this.readingShape.push(value);
    return null;
  }

  /** The shape list closed: checked against the caps, and against data already read. */
  endShape(): string | null {
    const shape = this.readingShape ?? [];
    this.readingShape = null;
    const problem = checkShape(shape, this.maxElements);
    if (problem) return problem;
    this.shape = shape;
    if (this.dataDone) return this.countProblem(this.sink?.length ?? 0);
    return null;
  }

  /** The "data" value starts (any value: a list, or a single number). */
  startData(): string | null {
    if (this.dataSeen) return 'the key "data" appears twice';
    this.dataSeen = true;
    this.sink = new FloatSink(this.shape ? elementCount(this.shape) : null);
    return null;
  }

  /** An array opens inside "data", `level` arrays deep (0 for "data" itself). */
  openData(level: number): string | null {
    if (level > 0) this.entry(level - 1);
    if (level >= MAX_RANK) return `too many nested levels in "data" (at most ${MAX_RANK} axes)`;
    this.counts[level] = 0;
    return null;
  }

  /** A value inside "data" at `level` arrays deep: a number, or null for anything else (described by `quoted`). */
  dataValue(level: number, value: number | null, quoted: string): string | null {
    if (level > 0) this.entry(level - 1);
    if (value === null)
      return `the entry at [${this.counts
        .slice(0, level)
        .map((c) => c - 1)
        .join(", ")}] is ${quoted}: ${NOT_A_NUMBER}`;
    const sink = this.sink;
    if (!sink) return OBJECT_FORM;
    if (this.shape) {
      if (sink.room === 0) return `wrong element count: shape [${this.shape.join(", ")}] needs ${sink.length} values, "data" holds more`;
    } else if (sink.length >= this.maxElements) return tooManyElements(sink.length + 1, this.maxElements);
    sink.push(value);
    return null;
  }

  /** The whole "data" value has been read. */
  endData(): string | null {
    this.dataDone = true;
    return this.shape ? this.countProblem(this.sink?.length ?? 0) : null;
  }

  /** The object closed: both keys must have come. */
  finish(): { shape: number[]; values: FloatSink } | { problem: string } {
    if (!this.shape || !this.dataDone || !this.sink) return { problem: OBJECT_FORM };
    return { shape: [...this.shape], values: this.sink };
  }

  /** Gives back the values' blocks. */
  release(): void {
    this.sink?.release();
  }

  private entry(level: number): void {
    this.counts[level] = (this.counts[level] ?? 0) + 1;
  }

  private countProblem(held: number): string | null {
    const shape = this.shape ?? [];
    const count = elementCount(shape);
    return held === count ? null : `wrong element count: shape [${shape.join(", ")}] needs ${count} values, "data" holds ${held}`;
  }
}
