-- CreateTable
CREATE TABLE "import_progress" (
    "importId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_progress_pkey" PRIMARY KEY ("importId")
);
