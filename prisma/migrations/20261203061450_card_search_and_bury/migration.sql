-- AlterTable
ALTER TABLE "card_state" ADD COLUMN     "buriedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "card_state_userId_state_idx" ON "card_state"("userId", "state");

-- Full-text search over a card's front and back. Prisma cannot express an index on an
-- expression, so it lives here only; lib/cards/card-search-sql.ts writes the same expression.
CREATE INDEX "card_search_idx" ON "card" USING GIN (to_tsvector('simple'::regconfig, "front" || ' ' || "back"));
