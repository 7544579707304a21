using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "SearchSummaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "SearchSummaries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImpactAnsweredAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImpactAskedAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImpactRemindedAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SharingConsent",
                table: "EvidenceRequests",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "RequesterOnly");

            migrationBuilder.AddColumn<long>(
                name: "SharingConsentAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImpactAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RespondentId = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseStudyConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContributedTo = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursSaved = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Uses = table.Column<int>(type: "INTEGER", nullable: false),
                    WouldRecommend = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAnswers_AspNetUsers_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactAnswers_EvidenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvidenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImpactAnswerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Story = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudies_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseStudies_ImpactAnswers_ImpactAnswerId",
                        column: x => x.ImpactAnswerId,
                        principalTable: "ImpactAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_Slug_VersionNumber",
                table: "SearchSummaries",
                columns: new[] { "Slug", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_AnsweredBySummaryId",
                table: "EvidenceRequests",
                column: "AnsweredBySummaryId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_CreatedBy",
                table: "CaseStudies",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_ImpactAnswerId",
                table: "CaseStudies",
                column: "ImpactAnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAnswers_AnsweredAt",
                table: "ImpactAnswers",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAnswers_RequestId",
                table: "ImpactAnswers",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAnswers_RespondentId",
                table: "ImpactAnswers",
                column: "RespondentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseStudies");

            migrationBuilder.DropTable(
                name: "ImpactAnswers");

            migrationBuilder.DropIndex(
                name: "IX_SearchSummaries_Slug_VersionNumber",
                table: "SearchSummaries");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceRequests_AnsweredBySummaryId",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "SearchSummaries");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "SearchSummaries");

            migrationBuilder.DropColumn(
                name: "ImpactAnsweredAt",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "ImpactAskedAt",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "ImpactRemindedAt",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "SharingConsent",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "SharingConsentAt",
                table: "EvidenceRequests");
        }
    }
}
