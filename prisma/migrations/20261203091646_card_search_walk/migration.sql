-- The words of a card for full-text search, stored: a search that walks cards in
-- an order (lib/cards/search-walk.ts) tests each card against the query without
-- parsing its text again. The expression index it replaces recomputed the vector
-- on every recheck, and a prefix query (every word is one) on it collected the
-- whole posting list of each prefix: "kv cache" read ~40,000 entries to find 800.
DROP INDEX "card_search_idx";
ALTER TABLE "card" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "front" || ' ' || "back")) STORED;

-- Every prefix (1 to 10 characters) of every word of the card, as the lexemes of
-- a tsvector, so that finding the cards whose words start with "kv" and "cache"
-- is an exact lookup of two keys in a GIN index ('kv' & 'cache': no scan of the
-- keys after "kv", no recheck). A longer query word is looked up by its first 10
-- characters and checked against searchVector. lib/cards/card-filter-sql.ts cuts
-- query words the same way (SEARCH_PREFIX_MAX).
CREATE FUNCTION card_search_prefixes(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT array_to_tsvector(coalesce(array_agg(DISTINCT left(w.lexeme, n.len)), '{}'))
    FROM unnest(to_tsvector('simple'::regconfig, body)) AS w, generate_series(1, least(length(w.lexeme), 10)) AS n(len)
  $$;
ALTER TABLE "card" ADD COLUMN "searchPrefixes" tsvector
  GENERATED ALWAYS AS (card_search_prefixes("front" || ' ' || "back")) STORED;

-- CreateIndex
CREATE INDEX "card_moduleId_createdAt_id_idx" ON "card"("moduleId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "card_moduleId_updatedAt_id_idx" ON "card"("moduleId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "card_moduleId_id_idx" ON "card"("moduleId", "id");

-- The word and tag indexes lead with the module (GIN on a uuid needs btree_gin, a
-- trusted extension), so a lookup reads only the searched modules' cards rather
-- than every learner's.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- CreateIndex
CREATE INDEX "card_search_idx" ON "card" USING GIN ("moduleId", "searchPrefixes");

-- CreateIndex
CREATE INDEX "card_moduleId_tags_idx" ON "card" USING GIN ("moduleId", "tags");

-- CreateIndex
CREATE INDEX "card_state_userId_lapses_cardId_idx" ON "card_state"("userId", "lapses", "cardId");
