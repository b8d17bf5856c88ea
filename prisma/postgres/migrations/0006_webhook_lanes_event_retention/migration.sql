-- DropIndex
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";

-- DropIndex
DROP INDEX "WebhookDelivery_endpointId_directoryId_eventSeq_idx";

-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "organizationId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "everDelivered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "WebhookDelivery" DROP COLUMN "leasedUntil";

-- AlterTable
ALTER TABLE "WebhookAttempt" ALTER COLUMN "latencyMs" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EventRetention" (
    "hostId" TEXT NOT NULL,
    "purgedThroughSeq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventRetention_pkey" PRIMARY KEY ("hostId")
);

-- CreateTable
CREATE TABLE "WebhookLane" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseToken" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookLane_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookLane_endpointId_nextAttemptAt_idx" ON "WebhookLane"("endpointId", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookLane_endpointId_directoryId_key" ON "WebhookLane"("endpointId", "directoryId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_directoryId_status_eventSeq_idx" ON "WebhookDelivery"("endpointId", "directoryId", "status", "eventSeq");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_status_eventSeq_idx" ON "WebhookDelivery"("endpointId", "status", "eventSeq");

-- AddForeignKey
ALTER TABLE "WebhookLane" ADD CONSTRAINT "WebhookLane_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: writes no longer queue deliveries. Each endpoint's feed position starts after the events already queued
-- by the old write path, and every pending delivery gets the lane that now schedules it.
UPDATE "WebhookEndpoint" SET "position" = COALESCE((SELECT max("seq") FROM "Event" WHERE "Event"."hostId" = "WebhookEndpoint"."hostId"), 0);
INSERT INTO "WebhookLane" ("id", "endpointId", "directoryId", "queued", "nextAttemptAt", "updatedAt")
SELECT "endpointId" || '/' || COALESCE("directoryId", ''), "endpointId", COALESCE("directoryId", ''), 1, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
FROM "WebhookDelivery" WHERE "status" = 'pending' GROUP BY "endpointId", COALESCE("directoryId", '');
