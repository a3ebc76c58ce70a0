import { Module } from '@nestjs/common';
import { PlansController } from './controllers/plans.controller';
import { PlansModule } from './plans.module';

/** GET/POST/PATCH /plans. */
@Module({
  imports: [PlansModule],
  controllers: [PlansController],
})
export class PlansHttpModule {}
