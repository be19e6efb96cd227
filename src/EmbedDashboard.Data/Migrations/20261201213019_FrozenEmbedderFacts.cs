using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmbedDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrozenEmbedderFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BaseEmbedderId",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmbedderDimension",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmbedderIsGeneral",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmbedderKind",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmbedderName",
                table: "Runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaseEmbedderId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EmbedderDimension",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EmbedderIsGeneral",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EmbedderKind",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EmbedderName",
                table: "Runs");
        }
    }
}
