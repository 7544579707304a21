using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Librarians : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedOverdueAt",
                table: "EvidenceRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedUnclaimedAt",
                table: "EvidenceRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MentorId",
                table: "EvidenceRequests",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LibrarianProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SystemId = table.Column<int>(type: "integer", nullable: true),
                    Skills = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    HoursPerMonth = table.Column<int>(type: "integer", nullable: true),
                    OffersMentoring = table.Column<bool>(type: "boolean", nullable: false),
                    SeeksMentoring = table.Column<bool>(type: "boolean", nullable: false),
                    Databases = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibrarianProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_LibrarianProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibrarianProfiles_GeoAreas_SystemId",
                        column: x => x.SystemId,
                        principalTable: "GeoAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestMessages_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequestMessages_EvidenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvidenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    LibrarianId = table.Column<string>(type: "text", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimeRecords_AspNetUsers_LibrarianId",
                        column: x => x.LibrarianId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TimeRecords_EvidenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvidenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibrarianTimeAway",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibrarianTimeAway", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibrarianTimeAway_LibrarianProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "LibrarianProfiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibrarianTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TopicId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibrarianTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibrarianTopics_LibrarianProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "LibrarianProfiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibrarianTopics_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_MentorId",
                table: "EvidenceRequests",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_LibrarianProfiles_SystemId",
                table: "LibrarianProfiles",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_LibrarianTimeAway_UserId",
                table: "LibrarianTimeAway",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LibrarianTopics_TopicId",
                table: "LibrarianTopics",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_LibrarianTopics_UserId",
                table: "LibrarianTopics",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestMessages_AuthorId",
                table: "RequestMessages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestMessages_RequestId_SentAt",
                table: "RequestMessages",
                columns: new[] { "RequestId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeRecords_LibrarianId_On",
                table: "TimeRecords",
                columns: new[] { "LibrarianId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeRecords_RequestId",
                table: "TimeRecords",
                column: "RequestId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceRequests_AspNetUsers_MentorId",
                table: "EvidenceRequests",
                column: "MentorId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceRequests_AspNetUsers_MentorId",
                table: "EvidenceRequests");

            migrationBuilder.DropTable(
                name: "LibrarianTimeAway");

            migrationBuilder.DropTable(
                name: "LibrarianTopics");

            migrationBuilder.DropTable(
                name: "RequestMessages");

            migrationBuilder.DropTable(
                name: "TimeRecords");

            migrationBuilder.DropTable(
                name: "LibrarianProfiles");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceRequests_MentorId",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "EscalatedOverdueAt",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "EscalatedUnclaimedAt",
                table: "EvidenceRequests");

            migrationBuilder.DropColumn(
                name: "MentorId",
                table: "EvidenceRequests");
        }
    }
}
