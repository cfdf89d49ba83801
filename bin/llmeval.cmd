@echo off
rem llmeval launcher for Windows: builds target\llmeval.jar on first use, then runs it.
rem (It rebuilds only when the jar is missing; run "mvn -DskipTests package" after changing sources.)
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\llmeval.jar"
if not exist "%JAR%" (
  echo llmeval: first run, building %JAR%: about a minute, a few more while Maven downloads the dependencies ^(about 200 MB, once^); Maven's progress follows 1>&2
  call mvn -B -f "%ROOT%\pom.xml" -DskipTests package 1>&2 || exit /b 70
)
java %LLMEVAL_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
