using System.Text;

namespace ReportGen.Output;

internal static partial class DocxWriter
{
    /// <summary>
    /// The package's fixed parts, as System.IO.Packaging wrote them (a UTF-8 BOM, attributes in its order), so the
    /// reports stay byte for byte what they were. Relationship ids are fixed (<see cref="RelationshipIds"/>).
    /// </summary>
    private static class PackageParts
    {
        private const string Declaration = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>";
        private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

        public static readonly byte[] ContentTypes = Encoding.UTF8.GetBytes(Declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" />"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />"
            + Override("styles.xml", "styles") + Override("settings.xml", "settings")
            + Override("footer1.xml", "footer") + Override("footer2.xml", "footer")
            + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\" />"
            + "</Types>");

        public static readonly byte[] PackageRelationships = Encoding.UTF8.GetBytes(Declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + Relationship("officeDocument", "/word/document.xml", "rId1")
            + Relationship("custom-properties", "/docProps/custom.xml", "rId2")
            + "</Relationships>");

        public static readonly byte[] DocumentRelationships = Encoding.UTF8.GetBytes(Declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + Relationship("styles", "/word/styles.xml", RelationshipIds.Styles)
            + Relationship("settings", "/word/settings.xml", RelationshipIds.Settings)
            + Relationship("footer", "/word/footer1.xml", RelationshipIds.OddFooter)
            + Relationship("footer", "/word/footer2.xml", RelationshipIds.EvenFooter)
            + "</Relationships>");

        private static string Override(string part, string type) =>
            $"<Override PartName=\"/word/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{type}+xml\" />";

        private static string Relationship(string type, string target, string id) =>
            $"<Relationship Type=\"{Relationships}{type}\" Target=\"{target}\" Id=\"{id}\" />";
    }
}
