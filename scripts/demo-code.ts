// npm run --silent demo:code — the current sign-in code of the demo staff accounts (demo data only).
import { generateSync } from 'otplib'
import { demoTotpSecret } from '../db/seed'

const secret = demoTotpSecret()
const epoch = Math.floor(Date.now() / 1000)
process.stdout.write(`${generateSync({ secret, epoch })}  (valid for ${30 - (epoch % 30)} more seconds)\n`)
