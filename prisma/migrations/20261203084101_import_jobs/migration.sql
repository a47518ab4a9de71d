-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('UPLOADING', 'QUEUED', 'RUNNING', 'PREVIEWED', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "filename" TEXT,
    "slug" TEXT,
    "title" TEXT,
    "dryRun" BOOLEAN NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'UPLOADING',
    "phase" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "uploadBytes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_upload_chunk" (
    "jobId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "import_upload_chunk_pkey" PRIMARY KEY ("jobId","index")
);

-- CreateIndex
CREATE INDEX "import_job_status_createdAt_idx" ON "import_job"("status", "createdAt");

-- CreateIndex
CREATE INDEX "import_job_userId_createdAt_idx" ON "import_job"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_upload_chunk" ADD CONSTRAINT "import_upload_chunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
