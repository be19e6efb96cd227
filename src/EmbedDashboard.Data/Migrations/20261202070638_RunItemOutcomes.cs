using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmbedDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunItemOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ItemOutcomesGzip",
                table: "Runs",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ItemOutcomesGzip",
                table: "Runs");
        }
    }
}
