-- CreateTable
CREATE TABLE "optimizer_run" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "weightsBefore" DOUBLE PRECISION[],
    "weightsFitted" DOUBLE PRECISION[],
    "logLossBefore" DOUBLE PRECISION NOT NULL,
    "rmseBefore" DOUBLE PRECISION NOT NULL,
    "logLossAfter" DOUBLE PRECISION NOT NULL,
    "rmseAfter" DOUBLE PRECISION NOT NULL,
    "adopted" BOOLEAN NOT NULL,

    CONSTRAINT "optimizer_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "optimizer_run_userId_ranAt_idx" ON "optimizer_run"("userId", "ranAt");

-- AddForeignKey
ALTER TABLE "optimizer_run" ADD CONSTRAINT "optimizer_run_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
