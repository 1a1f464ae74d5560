// Nothing: the time of `dotnet empty.dll` is the .NET runtime starting and stopping.
return 0;
