@echo off
rem firmafon: the Firmafon v2 API from a shell. Needs Java 17 or newer (JAVA_HOME, or java on the PATH).
setlocal
set "HOME_DIR=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %FIRMAFON_JAVA_OPTS% -cp "%HOME_DIR%\lib\*" dk.firmafon.cli.FirmafonCli %*
exit /b %ERRORLEVEL%
