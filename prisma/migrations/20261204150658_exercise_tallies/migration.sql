-- CreateTable
CREATE TABLE "exercise_tally" (
    "exerciseSlug" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "afterReveal" INTEGER NOT NULL,
    "firstTries" INTEGER NOT NULL,
    "firstTryPasses" INTEGER NOT NULL,

    CONSTRAINT "exercise_tally_pkey" PRIMARY KEY ("exerciseSlug","userId")
);

-- CreateTable
CREATE TABLE "exercise_step_tally" (
    "exerciseSlug" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "label" TEXT,
    "tried" INTEGER NOT NULL,
    "right" INTEGER NOT NULL,

    CONSTRAINT "exercise_step_tally_pkey" PRIMARY KEY ("exerciseSlug","userId","step")
);

-- CreateTable
CREATE TABLE "exercise_mistake_tally" (
    "exerciseSlug" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,

    CONSTRAINT "exercise_mistake_tally_pkey" PRIMARY KEY ("exerciseSlug","userId","code")
);

-- CreateIndex
CREATE INDEX "exercise_tally_userId_idx" ON "exercise_tally"("userId");

-- CreateIndex
CREATE INDEX "exercise_step_tally_userId_idx" ON "exercise_step_tally"("userId");

-- CreateIndex
CREATE INDEX "exercise_mistake_tally_userId_idx" ON "exercise_mistake_tally"("userId");

-- AddForeignKey
ALTER TABLE "exercise_tally" ADD CONSTRAINT "exercise_tally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_step_tally" ADD CONSTRAINT "exercise_step_tally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exercise_mistake_tally" ADD CONSTRAINT "exercise_mistake_tally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tally the attempts already stored: the statement lib/data/exercise-tally.ts runs for each new attempt, over all of them.
WITH a AS MATERIALIZED (
  SELECT a."exerciseSlug", a."userId", a.correct, a."afterReveal", a.misconceptions, a.steps,
    NOT EXISTS (
      SELECT 1 FROM exercise_attempt o
      WHERE o."exerciseSlug" = a."exerciseSlug" AND o."userId" = a."userId" AND o.seed = a.seed AND (o."createdAt", o.id) < (a."createdAt", a.id)
    ) AS first
  FROM exercise_attempt a
), tally AS (
  INSERT INTO exercise_tally ("exerciseSlug", "userId", attempts, "afterReveal", "firstTries", "firstTryPasses")
  SELECT "exerciseSlug", "userId", count(*), count(*) FILTER (WHERE "afterReveal"), count(*) FILTER (WHERE first AND NOT "afterReveal"),
    count(*) FILTER (WHERE first AND correct AND NOT "afterReveal")
  FROM a GROUP BY 1, 2
), steps AS (
  INSERT INTO exercise_step_tally ("exerciseSlug", "userId", step, label, tried, "right")
  SELECT a."exerciseSlug", a."userId", coalesce(s.step, s.key), max(s.label), count(*), count(*) FILTER (WHERE s.correct)
  FROM a CROSS JOIN LATERAL jsonb_to_recordset(CASE WHEN jsonb_typeof(a.steps) = 'array' THEN a.steps ELSE '[]'::jsonb END)
    AS s(step text, key text, label text, correct boolean)
  WHERE NOT a."afterReveal" AND coalesce(s.step, s.key) IS NOT NULL GROUP BY 1, 2, 3
)
INSERT INTO exercise_mistake_tally ("exerciseSlug", "userId", code, attempts)
SELECT a."exerciseSlug", a."userId", m.code, count(*) FROM a CROSS JOIN LATERAL unnest(a.misconceptions) AS m(code) GROUP BY 1, 2, 3;
