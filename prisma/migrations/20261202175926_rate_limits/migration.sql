-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sign_in_backoff" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_backoff_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "rate_limit_counter_windowStart_idx" ON "rate_limit_counter"("windowStart");

-- CreateIndex
CREATE INDEX "sign_in_backoff_lastFailureAt_idx" ON "sign_in_backoff"("lastFailureAt");
