using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decisions",
                table: "WorkStreams",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "WorkStreams",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "WorkStreams",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvidenceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkStreamId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimantId = table.Column<string>(type: "text", nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredBySummaryId = table.Column<Guid>(type: "uuid", nullable: true),
                    PausedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedTotal = table.Column<long>(type: "bigint", nullable: false),
                    CareSettings = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionForum = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EvidenceFromYear = table.Column<int>(type: "integer", nullable: true),
                    EvidenceToYear = table.Column<int>(type: "integer", nullable: true),
                    EvidenceTypes = table.Column<int>(type: "integer", nullable: false),
                    Geography = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    KnownPapers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NotWanted = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OnBehalfOfName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OnBehalfOfRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Output = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ShortDeadlineReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UrgencyReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClientGroup = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Comparison = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Expectation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Impact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Intervention = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Framework = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcomes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Perspective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Population = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Professionals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Service = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Setting = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_AspNetUsers_ClaimantId",
                        column: x => x.ClaimantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_AspNetUsers_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_WorkStreams_WorkStreamId",
                        column: x => x.WorkStreamId,
                        principalTable: "WorkStreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_ClaimantId",
                table: "EvidenceRequests",
                column: "ClaimantId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_RequesterId",
                table: "EvidenceRequests",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_State_SubmittedAt",
                table: "EvidenceRequests",
                columns: new[] { "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_WorkStreamId",
                table: "EvidenceRequests",
                column: "WorkStreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "Decisions",
                table: "WorkStreams");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "WorkStreams");

            migrationBuilder.DropColumn(
                name: "StartsOn",
                table: "WorkStreams");
        }
    }
}
