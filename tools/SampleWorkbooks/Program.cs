using ReportGen.Tools;

// Rewrites data/sample/*.xlsx from their CSV folders. Run from anywhere inside the repository:
//   dotnet run --project tools/SampleWorkbooks
var root = new DirectoryInfo(Environment.CurrentDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "ReportGen.sln")))
{
    root = root.Parent;
}

if (root is null)
{
    Console.Error.WriteLine("ReportGen.sln not found: run inside the repository.");
    return 2;
}

foreach (var (csvFolder, xlsx) in SampleXlsx.Samples(root.FullName))
{
    SampleXlsx.Write(csvFolder, xlsx);
    Console.WriteLine($"wrote {Path.GetRelativePath(root.FullName, xlsx)}");
}

return 0;
