using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Summaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PeerReviewWanted",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SearchSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FindingsHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Authors = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewAskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewRemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisalNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Caveats = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Search = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchSummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchSummaries_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SearchSummaries_EvidenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvidenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SearchSummaries_SearchSummaries_PreviousVersionId",
                        column: x => x.PreviousVersionId,
                        principalTable: "SearchSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SummaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    OverallComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerReviews_SearchSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "SearchSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SummaryReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SummaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Authors = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Volume = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Pages = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Doi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Pmid = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Abstract = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Database = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    OtherTags = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SummaryReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SummaryReferences_SearchSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "SearchSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_ReviewerId",
                table: "PeerReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerReviews_SummaryId_CompletedAt",
                table: "PeerReviews",
                columns: new[] { "SummaryId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_PreviousVersionId",
                table: "SearchSummaries",
                column: "PreviousVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_RequestId",
                table: "SearchSummaries",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_ReviewerId",
                table: "SearchSummaries",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_SeriesId_VersionNumber",
                table: "SearchSummaries",
                columns: new[] { "SeriesId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchSummaries_State_Visibility",
                table: "SearchSummaries",
                columns: new[] { "State", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_SummaryReferences_SummaryId_Position",
                table: "SummaryReferences",
                columns: new[] { "SummaryId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerReviews");

            migrationBuilder.DropTable(
                name: "SummaryReferences");

            migrationBuilder.DropTable(
                name: "SearchSummaries");

            migrationBuilder.DropColumn(
                name: "PeerReviewWanted",
                table: "EvidenceRequests");
        }
    }
}
