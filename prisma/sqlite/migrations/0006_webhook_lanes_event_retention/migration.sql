-- CreateTable
CREATE TABLE "EventRetention" (
    "hostId" TEXT NOT NULL PRIMARY KEY,
    "purgedThroughSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookLane" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseToken" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookLane_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "organizationId" TEXT,
    "directoryId" TEXT,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "previousAttributes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Event" ("createdAt", "data", "directoryId", "hostId", "id", "organizationId", "previousAttributes", "seq", "type") SELECT "createdAt", "data", "directoryId", "hostId", "id", "organizationId", "previousAttributes", "seq", "type" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_id_key" ON "Event"("id");
CREATE INDEX "Event_hostId_seq_idx" ON "Event"("hostId", "seq");
CREATE INDEX "Event_directoryId_seq_idx" ON "Event"("directoryId", "seq");
CREATE TABLE "new_WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "failingSince" DATETIME,
    "everDelivered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookEndpoint" ("createdAt", "enabled", "events", "hostId", "id", "secret", "updatedAt", "url") SELECT "createdAt", "enabled", "events", "hostId", "id", "secret", "updatedAt", "url" FROM "WebhookEndpoint";
DROP TABLE "WebhookEndpoint";
ALTER TABLE "new_WebhookEndpoint" RENAME TO "WebhookEndpoint";
CREATE INDEX "WebhookEndpoint_hostId_idx" ON "WebhookEndpoint"("hostId");
CREATE TABLE "new_WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "directoryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "lastLatencyMs" INTEGER,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookDelivery" ("attempts", "createdAt", "deliveredAt", "directoryId", "endpointId", "eventId", "eventSeq", "id", "lastError", "lastLatencyMs", "lastStatus", "nextAttemptAt", "status") SELECT "attempts", "createdAt", "deliveredAt", "directoryId", "endpointId", "eventId", "eventSeq", "id", "lastError", "lastLatencyMs", "lastStatus", "nextAttemptAt", "status" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE INDEX "WebhookDelivery_endpointId_directoryId_status_eventSeq_idx" ON "WebhookDelivery"("endpointId", "directoryId", "status", "eventSeq");
CREATE INDEX "WebhookDelivery_endpointId_status_eventSeq_idx" ON "WebhookDelivery"("endpointId", "status", "eventSeq");
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventSeq_key" ON "WebhookDelivery"("endpointId", "eventSeq");
CREATE TABLE "new_WebhookAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookAttempt" ("attempt", "createdAt", "deliveryId", "error", "id", "latencyMs", "statusCode") SELECT "attempt", "createdAt", "deliveryId", "error", "id", "latencyMs", "statusCode" FROM "WebhookAttempt";
DROP TABLE "WebhookAttempt";
ALTER TABLE "new_WebhookAttempt" RENAME TO "WebhookAttempt";
CREATE INDEX "WebhookAttempt_deliveryId_idx" ON "WebhookAttempt"("deliveryId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WebhookLane_endpointId_nextAttemptAt_idx" ON "WebhookLane"("endpointId", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookLane_endpointId_directoryId_key" ON "WebhookLane"("endpointId", "directoryId");


-- Data: writes no longer queue deliveries. Each endpoint's feed position starts after the events already queued
-- by the old write path, and every pending delivery gets the lane that now schedules it.
UPDATE "WebhookEndpoint" SET "position" = COALESCE((SELECT max("seq") FROM "Event" WHERE "Event"."hostId" = "WebhookEndpoint"."hostId"), 0);
INSERT INTO "WebhookLane" ("id", "endpointId", "directoryId", "queued", "nextAttemptAt", "updatedAt")
SELECT "endpointId" || '/' || COALESCE("directoryId", ''), "endpointId", COALESCE("directoryId", ''), 1, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM "WebhookDelivery" WHERE "status" = 'pending' GROUP BY "endpointId", COALESCE("directoryId", '');
