-- CreateEnum
CREATE TYPE "WorkshopTopic" AS ENUM ('KICKOFF', 'NEEDS_MAPPING', 'ADVOCACY', 'SUSTAINABILITY', 'STRENGTHENING_PLAN', 'CLOSING', 'OTHER');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('IN_PERSON', 'VIRTUAL', 'HYBRID');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT');

-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('MANUAL', 'MEETING_REPORT', 'CHECK_IN');

-- AlterTable
ALTER TABLE "generations" ADD COLUMN     "completionPercent" INTEGER NOT NULL DEFAULT 75;

-- CreateTable
CREATE TABLE "workshops" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" "WorkshopTopic" NOT NULL,
    "order" INTEGER NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workshops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Mexico_City',
    "modality" "Modality" NOT NULL,
    "place" TEXT,
    "meetingUrl" TEXT,
    "status" "SessionStatus" NOT NULL DEFAULT 'PLANNED',
    "allNetworks" BOOLEAN NOT NULL DEFAULT true,
    "presentPercent" INTEGER NOT NULL DEFAULT 50,
    "lateAfterMinutes" INTEGER NOT NULL DEFAULT 15,
    "checkInCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_networks" (
    "sessionId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,

    CONSTRAINT "session_networks_pkey" PRIMARY KEY ("sessionId","networkId")
);

-- CreateTable
CREATE TABLE "session_facilitators" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_facilitators_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "attendance" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "minutes" INTEGER,
    "note" TEXT,
    "source" "AttendanceSource" NOT NULL DEFAULT 'MANUAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_report_imports" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedById" TEXT,
    "matched" INTEGER NOT NULL,
    "unmatched" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_report_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workshops_generationId_order_idx" ON "workshops"("generationId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_checkInCode_key" ON "sessions"("checkInCode");

-- CreateIndex
CREATE INDEX "sessions_workshopId_startsAt_idx" ON "sessions"("workshopId", "startsAt");

-- CreateIndex
CREATE INDEX "sessions_startsAt_idx" ON "sessions"("startsAt");

-- CreateIndex
CREATE INDEX "session_networks_networkId_idx" ON "session_networks"("networkId");

-- CreateIndex
CREATE INDEX "session_facilitators_userId_idx" ON "session_facilitators"("userId");

-- CreateIndex
CREATE INDEX "attendance_personId_idx" ON "attendance"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_sessionId_personId_key" ON "attendance"("sessionId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_report_imports_sessionId_checksum_key" ON "meeting_report_imports"("sessionId", "checksum");

-- AddForeignKey
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_networks" ADD CONSTRAINT "session_networks_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_networks" ADD CONSTRAINT "session_networks_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_facilitators" ADD CONSTRAINT "session_facilitators_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_facilitators" ADD CONSTRAINT "session_facilitators_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_report_imports" ADD CONSTRAINT "meeting_report_imports_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_report_imports" ADD CONSTRAINT "meeting_report_imports_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
