-- CreateTable
CREATE TABLE "HostUserSchema" (
    "hostId" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HostUserSchema_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

