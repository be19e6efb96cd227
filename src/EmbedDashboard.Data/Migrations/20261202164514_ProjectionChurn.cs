using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmbedDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectionChurn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ChurnGzip",
                table: "Projections",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChurnGzip",
                table: "Projections");
        }
    }
}
