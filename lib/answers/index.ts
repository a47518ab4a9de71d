export {
  AnswerShapeSchema,
  AnswerSpecSchema,
  MAX_ANSWER_LENGTH,
  ToleranceSchema,
  type AnswerShape,
  type AnswerSpec,
  type ParseFailure,
  type ParseFailureCode,
  type ParsedAnswer,
  type ParsedMatrix,
  type ParsedOk,
  type ParsedScalar,
  type ParsedVector,
  type Tolerance,
  type TypedUnit,
} from "./answer-spec";
export { compareAnswer, type Comparison, type ElementVerdict, type ExpectedValue } from "./compare";
export { parseAnswer } from "./parse-answer";
export { DEFAULT_TOLERANCE, describeTolerance, withinTolerance } from "./tolerance";
