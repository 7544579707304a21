using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Librarians : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EscalatedOverdueAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EscalatedUnclaimedAt",
                table: "EvidenceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MentorId",
                table: "EvidenceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LibrarianProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SystemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Skills = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursPerMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    OffersMentoring = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeeksMentoring = table.Column<bool>(type: "INTEGER", nullable: false),
                    Databases = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LibrarianId = table.Column<string>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
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
