-- CreateTable
CREATE TABLE "HostFieldIndex" (
    "name" TEXT NOT NULL,
    "expression" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostFieldIndex_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "HostFieldIndexUse" (
    "name" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,

    CONSTRAINT "HostFieldIndexUse_pkey" PRIMARY KEY ("name","hostId")
);

-- CreateIndex
CREATE INDEX "HostFieldIndexUse_hostId_idx" ON "HostFieldIndexUse"("hostId");

-- AddForeignKey
ALTER TABLE "HostFieldIndexUse" ADD CONSTRAINT "HostFieldIndexUse_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

