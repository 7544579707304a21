using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Segmentation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SegmentationOutputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutputCsv = table.Column<string>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DisclosureControl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Gini = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    Partial = table.Column<bool>(type: "INTEGER", nullable: false),
                    People = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentationOutputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentationOutputs_GeoAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "GeoAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SegmentationOutputSummaries",
                columns: table => new
                {
                    OutputId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SummaryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentationOutputSummaries", x => new { x.OutputId, x.SummaryId });
                    table.ForeignKey(
                        name: "FK_SegmentationOutputSummaries_SegmentationOutputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "SegmentationOutputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentationOutputWorkStreams",
                columns: table => new
                {
                    OutputId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkStreamId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentationOutputWorkStreams", x => new { x.OutputId, x.WorkStreamId });
                    table.ForeignKey(
                        name: "FK_SegmentationOutputWorkStreams_SegmentationOutputs_OutputId",
                        column: x => x.OutputId,
                        principalTable: "SegmentationOutputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SegmentationOutputWorkStreams_WorkStreams_WorkStreamId",
                        column: x => x.WorkStreamId,
                        principalTable: "WorkStreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentationOutputs_AreaId",
                table: "SegmentationOutputs",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentationOutputs_UploadedAt",
                table: "SegmentationOutputs",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentationOutputSummaries_SummaryId",
                table: "SegmentationOutputSummaries",
                column: "SummaryId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentationOutputWorkStreams_WorkStreamId",
                table: "SegmentationOutputWorkStreams",
                column: "WorkStreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SegmentationOutputSummaries");

            migrationBuilder.DropTable(
                name: "SegmentationOutputWorkStreams");

            migrationBuilder.DropTable(
                name: "SegmentationOutputs");
        }
    }
}
