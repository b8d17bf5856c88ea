-- CreateTable
CREATE TABLE "HostFieldIndex" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "expression" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HostFieldIndexUse" (
    "name" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,

    PRIMARY KEY ("name", "hostId"),
    CONSTRAINT "HostFieldIndexUse_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HostFieldIndexUse_hostId_idx" ON "HostFieldIndexUse"("hostId");

