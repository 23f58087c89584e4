package org.ceusperfusion.cli;
public final class CeusCli { public static void main(String[] a){ System.out.println("hello " + picocli.CommandLine.VERSION + " " + ij.IJ.getFullVersion()); } }
